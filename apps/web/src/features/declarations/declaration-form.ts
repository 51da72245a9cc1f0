import type { DeclarationDetail, DeclarationFinding } from '@jixiao/contract';
import type { DeclarationBody } from '../../api/targets-queries.ts';

export type IndicatorLine = DeclarationBody['indicators'][number];
export type Verdict = 'pass' | 'pass-after-change' | 'fail';
export interface OpinionDraft {
  readonly verdict?: Verdict | undefined;
  readonly text?: string | undefined;
}

/** The form as the editor holds it, from what the server answered: every line keeps its id. */
export function bodyOf(detail: DeclarationDetail): DeclarationBody {
  return {
    version: detail.version,
    projectName: detail.projectName,
    projectCode: detail.projectCode,
    department: detail.department,
    implementingUnit: detail.implementingUnit,
    attribute: detail.attribute,
    periodStart: detail.periodStart,
    periodEnd: detail.periodEnd,
    funds: { fiscal: detail.funds.fiscal, other: detail.funds.other },
    overallGoal: detail.overallGoal,
    annualGoals: detail.annualGoals.map((goal) => ({ id: goal.id, text: goal.text, summary: goal.summary })),
    indicators: detail.indicators.map(({ opinions: _opinions, position: _position, ...line }) => line),
  };
}

/** A new line under a 一级/二级 pair: a qualitative line has the qualitative direction, the others start at ≥. */
export function newLine(level1: IndicatorLine['level1'], level2: IndicatorLine['level2'], nature: IndicatorLine['nature']): IndicatorLine {
  return { level1, level2, name: '', nature, direction: nature === 'qualitative' ? 'qualitative' : '>=', core: false };
}

/** Changing the 指标性质 moves the direction with it (the server refuses a qualitative line with a comparison). */
export function withNature(line: IndicatorLine, nature: IndicatorLine['nature']): IndicatorLine {
  if (nature === line.nature) return line;
  return { ...line, nature, direction: nature === 'qualitative' ? 'qualitative' : '>=' };
}

/** The warnings still without a reason: submission waits for them. */
export function warningsWithoutReason(
  findings: readonly DeclarationFinding[],
  reasons: Readonly<Record<string, string>>,
): DeclarationFinding[] {
  return findings.filter((finding) => finding.severity === 'warning' && !(reasons[finding.key]?.trim() || finding.reason?.trim()));
}

/** The reasons to send: what the preparer typed now, over what was kept at the last submission. */
export function reasonsToSend(findings: readonly DeclarationFinding[], typed: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    findings.flatMap((finding) => {
      const reason = typed[finding.key]?.trim() || finding.reason?.trim();
      return finding.severity === 'warning' && reason ? [[finding.key, reason]] : [];
    }),
  );
}

/** The opinions to send with a review step, one per indicator given one. */
export function opinionsToSend(opinions: Readonly<Record<string, OpinionDraft>>) {
  return Object.entries(opinions)
    .filter(([, opinion]) => opinion.verdict || opinion.text?.trim())
    .map(([indicatorId, opinion]) => ({ indicatorId, verdict: opinion.verdict ?? null, text: opinion.text?.trim() || null }));
}

/** The indicators the finance bureau has not yet given a verdict on. */
export function linesWithoutVerdict(detail: DeclarationDetail, opinions: Readonly<Record<string, OpinionDraft>>): string[] {
  return detail.indicators.filter((line) => !opinions[line.id]?.verdict).map((line) => line.name);
}
