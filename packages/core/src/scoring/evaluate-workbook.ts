import type { Workbook } from '../workbook/schema.ts';
import type { Evaluation } from './evaluation.ts';
import { configureScheme, defaultSchemeFor, type SchemeId, type ScoringScheme } from './scheme.ts';
import { evaluate } from './score.ts';

/**
 * Scores a parsed workbook by the scheme it names, or by `schemeId` when the caller (the CLI's
 * --scheme, an administrator's setting) overrides it. The workbook's own overrides still apply.
 */
export function evaluateWorkbook(workbook: Workbook, schemeId?: SchemeId): { scheme: ScoringScheme; evaluation: Evaluation } {
  const id = schemeId ?? workbook.schemeId ?? defaultSchemeFor(workbook.input.kind);
  const scheme = configureScheme(id, workbook.schemeOverrides);
  return { scheme, evaluation: evaluate(workbook.input, scheme) };
}
