import type { Queryable } from '../db/connect.ts';

/** What a linked survey gives a 满意度 indicator: its actual, the source sentence and the sample. */
export interface SurveyActual {
  /** Percent, two decimals ("94.12"). */
  readonly actual: string;
  /** The data source as the evaluation shows it: survey, valid n, margin, method, dates. */
  readonly source: string;
  /** The report's wording of the actual: "通过问卷调查（有效样本 412 份，误差 ±4.8%），实际满意度 94.12%". */
  readonly text: string;
  readonly valid: number;
  readonly planned: number;
}

/**
 * How the evaluations read survey results without importing the surveys module: the surveys
 * implement it, the composition root (`modules.ts`) hands it over.
 */
export interface SurveyReader {
  /** By evaluation indicator id; indicators no survey feeds are absent. */
  actualsFor(db: Queryable, indicatorIds: readonly string[]): Promise<Map<string, SurveyActual>>;
}

let provided: SurveyReader | undefined;

export function provideSurveyReader(reader: SurveyReader): void {
  provided = reader;
}

export function surveyReader(): SurveyReader {
  if (!provided)
    throw new Error('no SurveyReader: wireModules() (apps/server/src/modules.ts) must run before the evaluations read surveys');
  return provided;
}
