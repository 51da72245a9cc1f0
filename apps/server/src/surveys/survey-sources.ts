import { surveys as core, formatScaled } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import type { SurveyActual, SurveyReader } from '../ports/survey-reader.ts';
import type { SurveyRow } from './survey.repository.ts';
import * as repo from './survey.repository.ts';
import { methodOf, type SurveyFigures, surveyFigures } from './survey-results.ts';

export interface IndicatorSurvey {
  readonly surveyId: string;
  readonly title: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly valid: number;
  readonly planned: number;
  readonly confidence: core.Confidence;
  readonly figures: SurveyFigures;
}

/**
 * The surveys that feed each of these evaluation indicators (linked to the indicator itself, or to the
 * declared line it was opened from), with their figures. An indicator no survey feeds is absent: the
 * monitoring reads that as a 满意度 indicator without a survey.
 */
export async function surveysForIndicators(db: Queryable, indicatorIds: readonly string[]): Promise<Map<string, IndicatorSurvey[]>> {
  const rows = await repo.findSurveysOfIndicators(db, indicatorIds);
  const figures = new Map<string, SurveyFigures>();
  const bySurvey = new Map<string, SurveyRow>(rows.map((row) => [row.survey.id, row.survey]));
  for (const [id, survey] of bySurvey) figures.set(id, await surveyFigures(db, survey));
  const result = new Map<string, IndicatorSurvey[]>();
  for (const { indicatorId, survey } of rows) {
    const list = result.get(indicatorId) ?? [];
    if (list.some((entry) => entry.surveyId === survey.id)) continue;
    const figure = figures.get(survey.id) as SurveyFigures;
    list.push({
      surveyId: survey.id,
      title: survey.title,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      valid: figure.valid,
      planned: survey.plan.required,
      confidence: survey.plan.confidence,
      figures: figure,
    });
    result.set(indicatorId, list);
  }
  return result;
}

/**
 * The actual of a linked indicator: the first linked survey's 满意度 (weighted mean score, as a
 * percentage of the full 100), with the sentence the report prints. An indicator whose survey has no
 * valid response yet gets none.
 */
export const surveyActuals: SurveyReader = {
  async actualsFor(db, indicatorIds) {
    const linked = await surveysForIndicators(db, indicatorIds);
    const actuals = new Map<string, SurveyActual>();
    for (const [indicatorId, [survey]] of linked) {
      const hundredths = survey?.figures.results.satisfactionHundredths;
      if (!survey || hundredths === undefined) continue;
      const actual = formatScaled(hundredths, 2);
      const margin = survey.figures.marginBasisPoints;
      const marginText = margin === undefined ? '' : `，误差 ±${core.formatMargin(margin)}%`;
      const dates = `${survey.figures.firstDay ?? survey.opensOn} 至 ${survey.figures.lastDay ?? survey.closesOn}`;
      actuals.set(indicatorId, {
        actual,
        source: `由问卷调查计算：“${survey.title}”，${methodOf(survey.figures)}，${dates}，有效样本 ${survey.valid} 份（计划 ${survey.planned} 份）${marginText}，置信度 ${survey.confidence}%，满意度为各量表题加权平均得分`,
        text: `通过问卷调查（有效样本 ${survey.valid} 份${marginText}），实际满意度 ${actual}%`,
        valid: survey.valid,
        planned: survey.planned,
      });
    }
    return actuals;
  },
};
