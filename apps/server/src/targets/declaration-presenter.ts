import type { DeclarationDetail, DeclarationSummary, Opinion } from '@jixiao/contract';
import {
  type Direction,
  type Finding,
  formatPoints,
  formatYuan,
  type Level1,
  type Level2,
  parseDecimal,
  policy,
  targets,
} from '@jixiao/core';
import type { DeclarationRow, DeclaredIndicatorRow, findOpinions, findTransitions } from './declaration.repository.ts';

const decimal = (text: string | null) => (text === null ? undefined : parseDecimal(text));
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/** The rows as the core's 绩效目标申报表, for checkDeclaration. */
export function toCoreDeclaration(row: DeclarationRow, indicators: readonly DeclaredIndicatorRow[]): targets.Declaration {
  return {
    kind: row.kind,
    fiscalYear: row.fiscalYear,
    projectName: orUndefined(row.projectName),
    projectCode: orUndefined(row.projectCode),
    department: row.department,
    implementingUnit: row.implementingUnit,
    attribute: orUndefined(row.attribute),
    periodStart: orUndefined(row.periodStart),
    periodEnd: orUndefined(row.periodEnd),
    funds: { total: row.fundsTotalFen, fiscal: row.fundsFiscalFen, other: row.fundsOtherFen },
    overallGoal: row.overallGoal,
    annualGoals: row.annualGoals.map((goal) => ({ id: goal.id, text: goal.text, summary: goal.summary })),
    indicators: indicators.map((line) => ({
      id: line.id,
      goalId: orUndefined(line.goalId),
      level1: line.level1 as Level1,
      level2: line.level2 as Level2,
      name: line.name,
      nature: line.nature,
      direction: line.direction as Direction,
      target: decimal(line.target),
      targetText: orUndefined(line.targetText),
      unit: orUndefined(line.unit),
      basis: orUndefined(line.basis),
      basisText: orUndefined(line.basisText),
      dataSource: orUndefined(line.dataSource),
      method: orUndefined(line.method),
      evidence: orUndefined(line.evidence),
      lastYearActual: decimal(line.lastYearActual),
      core: line.core,
      scoringRule: orUndefined(line.scoringRule),
      weight: orUndefined(line.weight),
      libraryEntryId: orUndefined(line.libraryEntryId),
    })),
  };
}

/** A finding's identity across saves (its code and subject), under which the preparer's reason is kept. */
export const findingKey = (finding: Finding): string => `${finding.code}:${finding.subject.kind}:${finding.subject.id ?? ''}`;

export function checkFindings(
  row: DeclarationRow,
  indicators: readonly DeclaredIndicatorRow[],
  context: targets.DeclarationCheckContext = {},
): Finding[] {
  return targets.checkDeclaration(toCoreDeclaration(row, indicators), context);
}

type Transitions = Awaited<ReturnType<typeof findTransitions>>;
type Opinions = Awaited<ReturnType<typeof findOpinions>>;

const REVIEW_STAGES = new Set(['department', 'finance']);

/**
 * The review steps of the last round: the reviews after the submission they answered. A returned
 * declaration shows them while the unit fixes it, and the reviewers see them on the resubmission.
 */
export function lastRound(transitions: Transitions): Transitions {
  const lastReview = transitions.findLastIndex((entry) => REVIEW_STAGES.has(entry.transition.stage));
  if (lastReview < 0) return [];
  let start = lastReview;
  while (start > 0 && REVIEW_STAGES.has(transitions[start - 1]?.transition.stage ?? '')) start -= 1;
  return transitions.slice(start, lastReview + 1);
}

/** The department's approver since the last submission: the finance stage must be someone else. */
export function departmentApprover(transitions: Transitions): string | undefined {
  let approver: string | undefined;
  for (const { transition } of transitions) {
    if (transition.action === 'submit') approver = undefined;
    if (transition.action === 'approve' && transition.stage === 'department') approver = transition.actorId;
  }
  return approver;
}

export function summaryOf(row: DeclarationRow, organisationName: string, indicatorCount: number): DeclarationSummary {
  return {
    id: row.id,
    kind: row.kind,
    fiscalYear: row.fiscalYear,
    organisationId: row.organisationId,
    organisationName,
    projectId: row.projectId,
    projectName: row.projectName,
    projectCode: row.projectCode,
    fundsTotal: formatYuan(row.fundsTotalFen),
    indicatorCount,
    status: row.status,
    statusLabel: policy.DECLARATION_STATUS_LABEL[row.status],
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface DetailParts {
  readonly row: DeclarationRow;
  readonly organisationName: string;
  readonly indicators: readonly DeclaredIndicatorRow[];
  readonly transitions: Transitions;
  readonly opinions: Opinions;
  readonly approved: { number: number; approvedAt: Date; approvedBy: string } | null;
  readonly permissions: DeclarationDetail['permissions'];
  /** 未完成整改事项 of the year before (ports/rectification-reader.ts). */
  readonly carriedRectifications: DeclarationDetail['carriedRectifications'];
  /** 上年度评价结果应用 of the same project (ports/result-reader.ts). */
  readonly appliedResult: DeclarationDetail['appliedResult'];
  /** What the checks read beyond the form (the 事前绩效评估 rule). */
  readonly checkContext: targets.DeclarationCheckContext;
}

export function presentDeclaration(parts: DetailParts): DeclarationDetail {
  const { row, indicators, transitions } = parts;
  const round = lastRound(transitions);
  const byTransition = new Map(round.map((entry) => [entry.transition.id, entry]));
  const opinionOf = (transitionId: string, verdict: Opinion['verdict'], text: string | null): Opinion | undefined => {
    const entry = byTransition.get(transitionId);
    if (!entry) return undefined;
    return {
      stage: entry.transition.stage as Opinion['stage'],
      verdict,
      verdictLabel: verdict ? policy.VERDICT_LABEL[verdict] : null,
      text,
      actorName: entry.actorName,
      at: entry.transition.at.toISOString(),
    };
  };
  const perIndicator = new Map<string, Opinion[]>();
  for (const opinion of parts.opinions) {
    const shown = opinionOf(opinion.transitionId, opinion.verdict, opinion.text);
    if (shown) perIndicator.set(opinion.indicatorId, [...(perIndicator.get(opinion.indicatorId) ?? []), shown]);
  }
  const findings = checkFindings(row, indicators, parts.checkContext).map((finding) => {
    const key = findingKey(finding);
    return { ...finding, subject: { ...finding.subject }, key, reason: row.warningReasons[key] ?? null };
  });
  return {
    ...summaryOf(row, parts.organisationName, indicators.length),
    department: row.department,
    implementingUnit: row.implementingUnit,
    attribute: row.attribute,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    funds: { total: formatYuan(row.fundsTotalFen), fiscal: formatYuan(row.fundsFiscalFen), other: formatYuan(row.fundsOtherFen) },
    overallGoal: row.overallGoal,
    annualGoals: row.annualGoals.map((goal) => ({ id: goal.id, text: goal.text, summary: goal.summary ?? null })),
    indicators: indicators.map((line) => ({
      id: line.id,
      position: line.position,
      goalId: line.goalId,
      level1: line.level1 as Level1,
      level2: line.level2 as Level2,
      name: line.name,
      nature: line.nature,
      direction: line.direction as Direction,
      target: line.target,
      targetText: line.targetText,
      unit: line.unit,
      basis: line.basis,
      basisText: line.basisText,
      dataSource: line.dataSource,
      method: line.method,
      evidence: line.evidence,
      lastYearActual: line.lastYearActual,
      core: line.core,
      scoringRule: line.scoringRule,
      weight: line.weight === null ? null : formatPoints(line.weight),
      libraryEntryId: line.libraryEntryId,
      opinions: perIndicator.get(line.id) ?? [],
    })),
    findings,
    opinions: round.flatMap((entry) => opinionOf(entry.transition.id, null, entry.transition.comment) ?? []),
    transitions: transitions.map(({ transition, actorName }) => ({
      id: transition.id,
      action: transition.action,
      actionLabel: policy.DECLARATION_ACTION_LABEL[transition.action as policy.DeclarationAction] ?? transition.action,
      stage: transition.stage,
      fromStatus: transition.fromStatus,
      toStatus: transition.toStatus,
      actorName,
      comment: transition.comment,
      at: transition.at.toISOString(),
    })),
    approved: parts.approved
      ? { number: parts.approved.number, approvedAt: parts.approved.approvedAt.toISOString(), approvedBy: parts.approved.approvedBy }
      : null,
    carriedRectifications: parts.carriedRectifications,
    appliedResult: parts.appliedResult,
    permissions: parts.permissions,
  };
}
