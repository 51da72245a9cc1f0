import type { EvaluationDetail, EvaluationSummary, IndicatorFields, ManagementEntry } from '@jixiao/contract';
import {
  type BudgetFigures,
  type control,
  DEFAULT_MANAGEMENT_CATALOGUE,
  formatDecimal,
  formatPoints,
  formatYuan,
  fundingLines,
  type Level1,
  type Level2,
  type ManagementItemDefinition,
  parseDecimal,
  type SchemeId,
  workflow,
} from '@jixiao/core';
import type { OwnManagementColumn } from '../db/schema.ts';
import type * as repo from './evaluation.repository.ts';
import { type Aggregate, toEvaluationInput } from './evaluation-mapping.ts';

/** The 资金来源 table of the budget tab; empty when the budget is given as totals only. */
function presentFundingLines(budget: BudgetFigures): EvaluationDetail['budget']['sources'] {
  if (!budget.sources?.length) return [];
  return fundingLines(budget).map((line) => ({
    label: line.label,
    initial: formatYuan(line.initial),
    adjusted: formatYuan(line.adjusted),
    executed: formatYuan(line.executed),
    rate: line.rate ?? null,
  }));
}

// How evaluations are shown over the API: rows and aggregates to the contract's shapes.

export function toSummary(row: repo.EvaluationSummaryRow): EvaluationSummary {
  const evaluation = row.evaluation;
  return {
    id: evaluation.id,
    kind: evaluation.kind,
    fiscalYear: evaluation.fiscalYear,
    organisationId: evaluation.organisationId,
    organisationName: row.organisationName,
    organisationCode: row.organisationCode,
    projectId: evaluation.projectId,
    projectName: row.projectName,
    projectCode: row.projectCode,
    category: row.category,
    status: evaluation.status,
    statusLabel: workflow.STATUS_LABEL[evaluation.status],
    total: evaluation.totalScore === null ? null : formatPoints(evaluation.totalScore),
    grade: evaluation.grade,
    errorCount: evaluation.errorCount,
    warningCount: evaluation.warningCount,
    adjustedBudget: formatYuan(evaluation.adjustedFen),
    executedBudget: formatYuan(evaluation.executedFen),
    updatedAt: evaluation.updatedAt.toISOString(),
    revision: evaluation.revision,
  };
}

export function presentIndicator(
  row: repo.IndicatorRow,
  attachmentCount: number,
  computed: { actual: string; source: string } | undefined,
) {
  const decimal = (value: string | null) => (value === null ? null : formatDecimal(parseDecimal(value) ?? { units: 0n, scale: 0 }));
  return {
    id: row.id,
    code: row.code,
    goalId: row.goalId,
    position: row.position,
    level1: row.level1 as Level1 | null,
    level2: row.level2 as Level2 | null,
    name: row.name,
    direction: row.direction as IndicatorFields['direction'],
    target: decimal(row.target),
    unit: row.unit,
    actual: decimal(row.actual),
    targetText: row.targetText,
    actualText: row.actualText,
    lastYearActual: decimal(row.lastYearActual),
    adjustedTarget: decimal(row.adjustedTarget),
    adjustedTargetText: row.adjustedTargetText,
    targetAdjustment: row.targetAdjustment ?? null,
    scoreCoefficient: decimal(row.scoreCoefficient),
    isCore: row.isCore,
    weight: row.weight === null ? null : formatPoints(row.weight),
    notApplicable: row.notApplicable,
    deviationReason: row.deviationReason,
    dataSource: row.dataSource,
    band: row.band as 'achieved' | 'partial' | 'not-achieved' | null,
    qualitativeScore: row.qualitativeScore === null ? null : formatPoints(row.qualitativeScore),
    adjustment:
      row.adjustmentScore !== null && row.adjustmentReason
        ? { score: formatPoints(row.adjustmentScore), reason: row.adjustmentReason, by: row.adjustedBy }
        : null,
    illustrative: row.illustrative,
    attachmentCount,
    binding: row.bindingMetric
      ? { metric: row.bindingMetric as control.LedgerMetric, budgetLineIds: row.bindingScope?.budgetLineIds }
      : null,
    computedActual: computed?.actual ?? null,
    actualSource: computed?.source ?? null,
    declaredIndicatorId: row.declaredIndicatorId,
    version: row.version,
  };
}

/** The catalogue's items, then the department's own ones in code order (as they are scored). */
export function presentManagement(aggregate: Aggregate): ManagementEntry[] {
  if (aggregate.evaluation.kind !== 'department') return [];
  const rows = new Map(aggregate.management.map((row) => [row.code, row]));
  const own = aggregate.management.filter((row) => row.own).map((row) => ({ row, definition: ownDefinitionOf(row) }));
  return [...DEFAULT_MANAGEMENT_CATALOGUE.map((definition) => ({ row: rows.get(definition.code), definition })), ...own].map(
    ({ row, definition }) => {
      const computed = aggregate.computedManagement?.get(definition.code);
      return {
        code: definition.code,
        name: definition.name,
        area: definition.area,
        kind: definition.formula.kind,
        inputs: { ...definition.inputs },
        amounts: Object.fromEntries(Object.entries({ ...row?.amounts, ...computed?.amounts }).map(([key, fen]) => [key, formatYuan(fen)])),
        defaultTarget: definition.target ? formatDecimal(definition.target) : null,
        defaultWeight: formatPoints(definition.weight),
        target: row?.target ?? null,
        weight: row?.weight === null || row?.weight === undefined ? null : formatPoints(row.weight),
        notApplicable: row?.notApplicable ?? false,
        band: (row?.band as ManagementEntry['band']) ?? null,
        score: row?.score === null || row?.score === undefined ? null : formatPoints(row.score),
        deviationReason: row?.deviationReason ?? null,
        note: row?.note ?? null,
        illustrative: row?.illustrative ?? false,
        rate: row?.rate ?? null,
        declaredScore: row?.declaredScore === null || row?.declaredScore === undefined ? null : formatPoints(row.declaredScore),
        own: definition.own ?? false,
        unit: definition.unit ?? null,
        binding: row?.bindingMetric
          ? { metric: row.bindingMetric as control.LedgerMetric, budgetLineIds: row.bindingScope?.budgetLineIds }
          : null,
        amountSource: computed?.source ?? null,
        version: row?.version ?? null,
      };
    },
  );
}

function ownDefinitionOf(
  row: repo.ManagementRow,
): Pick<ManagementItemDefinition, 'code' | 'name' | 'area' | 'formula' | 'inputs' | 'target' | 'unit' | 'weight' | 'own'> {
  const own = row.own as OwnManagementColumn;
  const keys = own.formula ? [own.formula.numerator, own.formula.denominator].filter((key) => !key.startsWith('budget:')) : [];
  return {
    code: row.code,
    name: own.name,
    area: own.area ?? own.name,
    formula:
      own.direction === 'qualitative' ? { kind: 'qualitative' } : own.formula ? { kind: 'ratio', ...own.formula } : { kind: 'entered' },
    inputs: Object.fromEntries(keys.map((key) => [key, own.inputs?.[key] ?? key])),
    target: undefined,
    unit: own.unit,
    weight: row.weight ?? 0,
    own: true,
  };
}

/**
 * The evaluation page's one read: the summary row, the aggregate with its ledger figures, the history,
 * the attachments, and what the current user may do (decided by the service).
 */
export function presentEvaluationDetail(parts: {
  summary: repo.EvaluationSummaryRow;
  aggregate: Aggregate;
  transitions: Awaited<ReturnType<typeof repo.findTransitions>>;
  attachments: Awaited<ReturnType<typeof repo.findAttachmentList>>;
  permissions: EvaluationDetail['permissions'];
}): EvaluationDetail {
  const { summary, aggregate, transitions, permissions } = parts;
  const { evaluation } = aggregate;
  const attachmentRows = parts.attachments;
  const attachmentCount = new Map<string, number>();
  for (const attachment of attachmentRows) {
    if (attachment.indicatorId) attachmentCount.set(attachment.indicatorId, (attachmentCount.get(attachment.indicatorId) ?? 0) + 1);
  }
  return {
    ...toSummary(summary),
    schemeId: evaluation.schemeId as SchemeId,
    budgetSource: evaluation.budgetSource,
    preparerName: evaluation.preparerName,
    preparerPhone: evaluation.preparerPhone,
    filledOn: evaluation.filledOn,
    subordinateUnitCount: aggregate.subordinateUnitCount,
    budget: {
      initial: formatYuan(aggregate.ledgerBudget?.initial ?? evaluation.initialFen),
      carryOver: formatYuan(aggregate.ledgerBudget?.carryOver ?? evaluation.carryOverFen),
      adjusted: formatYuan(aggregate.ledgerBudget?.adjusted ?? evaluation.adjustedFen),
      executed: formatYuan(aggregate.ledgerBudget?.executed ?? evaluation.executedFen),
      executionReason: evaluation.executionReason,
      illustrative: evaluation.budgetIllustrative,
      sources: presentFundingLines(toEvaluationInput(aggregate).budget),
      declaredScore: evaluation.declaredExecutionScore === null ? null : formatPoints(evaluation.declaredExecutionScore),
    },
    narrative: evaluation.narrative,
    goals: aggregate.goals.map((goal) => ({
      id: goal.id,
      code: goal.code,
      position: goal.position,
      text: goal.text,
      summary: goal.summary,
      version: goal.version,
    })),
    indicators: aggregate.indicators.map((row) =>
      presentIndicator(row, attachmentCount.get(row.id) ?? 0, aggregate.computedActuals?.get(row.id)),
    ),
    management: presentManagement(aggregate),
    transitions: transitions.map(({ transition, actorName }) => ({
      id: transition.id,
      action: transition.action,
      actionLabel: workflow.ACTION_LABEL[transition.action as workflow.WorkflowAction] ?? transition.action,
      fromStatus: transition.fromStatus,
      toStatus: transition.toStatus,
      actorName,
      comment: transition.comment,
      at: transition.at.toISOString(),
    })),
    attachments: attachmentRows.map((row) => ({ ...row, uploadedAt: row.uploadedAt.toISOString() })),
    permissions,
    version: evaluation.version,
    notes: evaluation.notes,
    declaration:
      evaluation.declarationId && evaluation.declarationVersion
        ? { id: evaluation.declarationId, version: evaluation.declarationVersion }
        : null,
  };
}
