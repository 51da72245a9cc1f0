import type {
  EvaluationDetail,
  EvaluationSummary,
  IndicatorFields,
  ManagementEntry,
  ManagementFields,
  UpdateEvaluation,
} from '@jixiao/contract';
import {
  configureScheme,
  control,
  DEFAULT_MANAGEMENT_CATALOGUE,
  type Evaluation,
  evaluate,
  formatDecimal,
  formatPoints,
  formatYuan,
  LEVEL2_OF,
  type Level1,
  type Level2,
  parseDecimal,
  parsePoints,
  parseYuan,
  policy,
  presentEvaluation,
  type SchemeId,
  workflow,
} from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { loadLedger } from '../control/ledger/ledger.repository.ts';
import { asOfFor } from '../control/ledger/ledger.service.ts';
import { type Queryable, readAll } from '../db/connect.ts';
import { type evaluations, goals as goalsTable, indicators as indicatorsTable, type LedgerSnapshot } from '../db/schema.ts';
import { AppError, alreadyExists, type FieldDetail, notFound, rethrowUnique, validationFailed, versionConflict } from '../errors.ts';
import { getOrganisation, getOrganisationWithChildCount } from '../organisations/organisation.repository.ts';
import { isOutOfScope, rolesOver, scopeOf } from '../policies/scope.ts';
import * as repo from './evaluation.repository.ts';
import { authorise } from './evaluation-access.ts';
import { type Aggregate, schemeOverridesOf, toEvaluationInput } from './evaluation-mapping.ts';

// ── reading ───────────────────────────────────────────────────────────────────────────────────

export async function loadAggregate(db: Queryable, evaluation: repo.EvaluationRow, now: Date = new Date()): Promise<Aggregate> {
  const [withCount, goals, indicatorRows, management, project] = await readAll(db, [
    () => getOrganisationWithChildCount(db, evaluation.organisationId, 'unit'),
    () => repo.findGoals(db, evaluation.id),
    () => repo.findIndicators(db, evaluation.id),
    () => repo.findManagement(db, evaluation.id),
    () => (evaluation.projectId ? repo.getProject(db, evaluation.projectId) : Promise.resolve(undefined)),
  ]);
  if (!withCount) throw notFound('单位');
  const { computedActuals, ledgerBudget } = await ledgerFigures(db, evaluation, indicatorRows, now);
  return {
    evaluation,
    organisation: withCount.organisation,
    project,
    goals,
    indicators: indicatorRows,
    management,
    subordinateUnitCount: Number(withCount.children),
    computedActuals,
    ledgerBudget,
  };
}

/**
 * The figures an evaluation takes from the ledger: live while the unit can still edit it, and from then on
 * the snapshot taken at submission, so that reviewers approve, and the public reads, figures that later
 * payments do not move.
 */
async function ledgerFigures(db: Queryable, evaluation: repo.EvaluationRow, indicatorRows: readonly repo.IndicatorRow[], now: Date) {
  const frozen = workflow.isEditable(evaluation.status) ? null : evaluation.ledgerSnapshot;
  if (frozen) {
    return {
      computedActuals: new Map(Object.entries(frozen.actuals)),
      ledgerBudget: frozen.budget ?? undefined,
    };
  }
  const bound = indicatorRows.filter((row) => row.bindingMetric);
  const computedActuals = new Map<string, { actual: string; source: string }>();
  if (bound.length === 0 && evaluation.budgetSource !== 'ledger') return { computedActuals, ledgerBudget: undefined };
  // One load of the evaluation's ledger; an indicator bound to some lines reads its part of it.
  const ledger = await loadLedger(db, {
    organisationId: evaluation.organisationId,
    fiscalYear: evaluation.fiscalYear,
    projectId: evaluation.projectId ?? undefined,
  });
  const options = { ...control.DEFAULT_LEDGER_OPTIONS, asOf: asOfFor(evaluation.fiscalYear, now) };
  for (const row of bound) {
    const lineIds = row.bindingScope?.budgetLineIds;
    const result = control.computeMetric(
      row.bindingMetric as control.LedgerMetric,
      lineIds ? control.ledgerOfLines(ledger, lineIds) : ledger,
      options,
    );
    if (result.percent !== undefined) computedActuals.set(row.id, { actual: result.percent, source: `由台账计算：${result.formula}` });
  }
  const budget = evaluation.budgetSource === 'ledger' ? control.ledgerBudget(ledger, options.asOf) : undefined;
  return { computedActuals, ledgerBudget: budget?.hasLines ? budget : undefined };
}

/** What `ledgerFigures` returns for a submitted evaluation: the live figures of the moment, sources dated. */
export function ledgerSnapshotOf(aggregate: Aggregate, now: Date = new Date()): LedgerSnapshot {
  const day = now.toISOString().slice(0, 10);
  const actuals: LedgerSnapshot['actuals'] = {};
  for (const [id, entry] of aggregate.computedActuals ?? []) {
    actuals[id] = { actual: entry.actual, source: `${entry.source}（${day} 提交时的台账数）` };
  }
  const budget = aggregate.ledgerBudget;
  return {
    takenAt: now.toISOString(),
    actuals,
    budget: budget ? { initial: budget.initial, carryOver: budget.carryOver, adjusted: budget.adjusted, executed: budget.executed } : null,
  };
}

export function scoreAggregate(aggregate: Aggregate): Evaluation {
  const scheme = configureScheme(aggregate.evaluation.schemeId as SchemeId, schemeOverridesOf(aggregate.evaluation));
  return evaluate(toEvaluationInput(aggregate), scheme);
}

function toSummary(row: repo.EvaluationSummaryRow): EvaluationSummary {
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

export async function listEvaluations(
  deps: Deps,
  ctx: RequestContext,
  filter: Omit<repo.EvaluationFilter, 'scope'>,
): Promise<EvaluationSummary[]> {
  const rows = await repo.findEvaluations(deps.db, { ...filter, scope: scopeOf(ctx.principal) });
  return rows.map(toSummary);
}

export async function getEvaluationDetail(deps: Deps, ctx: RequestContext, id: string): Promise<EvaluationDetail> {
  const { evaluation, roles } = await authorise(deps.db, ctx, id, 'read');
  const [summary, aggregate, transitions, attachmentRows, contributors] = await Promise.all([
    repo.getEvaluationSummary(deps.db, id),
    loadAggregate(deps.db, evaluation),
    repo.findTransitions(deps.db, id),
    repo.findAttachmentList(deps.db, id),
    repo.findContributors(deps.db, id),
  ]);
  if (!summary) throw notFound('自评');
  const attachmentCount = new Map<string, number>();
  for (const attachment of attachmentRows) {
    if (attachment.indicatorId) attachmentCount.set(attachment.indicatorId, (attachmentCount.get(attachment.indicatorId) ?? 0) + 1);
  }
  const departmentApprover = lastDepartmentApprover(transitions.map((row) => row.transition));
  const facts = { status: evaluation.status, preparers: contributors, departmentApprover };
  const actor = { userId: ctx.principal.userId, roles };
  const can = (action: workflow.WorkflowAction) => workflow.decideTransition(action, facts, actor, 'comment');
  const approve = can('approve');
  const publish = can('publish');
  const refusal = [approve, publish].find((result) => !result.ok && result.refusal.kind === 'segregation');
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
    permissions: {
      edit: policy.mayEdit(roles, evaluation.status),
      adjust: workflow.adjustingRoles(evaluation.status).some((role) => roles.includes(role)),
      submit: can('submit').ok,
      approve: approve.ok,
      return: can('return').ok,
      publish: publish.ok,
      refusal: refusal && !refusal.ok ? refusal.refusal.message : null,
    },
    version: evaluation.version,
    notes: evaluation.notes,
  };
}

/** The department-stage approver since the last submission (the finance stage must be someone else). */
export function lastDepartmentApprover(
  transitions: readonly { action: string; fromStatus: string; actorId: string }[],
): string | undefined {
  let approver: string | undefined;
  for (const transition of transitions) {
    if (transition.action === 'submit') approver = undefined;
    if (transition.action === 'approve' && transition.fromStatus === 'submitted') approver = transition.actorId;
  }
  return approver;
}

function presentIndicator(row: repo.IndicatorRow, attachmentCount: number, computed: { actual: string; source: string } | undefined) {
  const decimal = (value: string | null) => (value === null ? null : formatDecimal(parseDecimal(value) ?? { units: 0n, scale: 0 }));
  return {
    id: row.id,
    code: row.code,
    goalId: row.goalId,
    position: row.position,
    level1: row.level1 as Level1,
    level2: row.level2 as Level2,
    name: row.name,
    direction: row.direction as IndicatorFields['direction'],
    target: decimal(row.target),
    unit: row.unit,
    actual: decimal(row.actual),
    targetText: row.targetText,
    actualText: row.actualText,
    lastYearActual: decimal(row.lastYearActual),
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
    version: row.version,
  };
}

function presentManagement(aggregate: Aggregate): ManagementEntry[] {
  if (aggregate.evaluation.kind !== 'department') return [];
  const rows = new Map(aggregate.management.map((row) => [row.code, row]));
  return DEFAULT_MANAGEMENT_CATALOGUE.map((definition) => {
    const row = rows.get(definition.code);
    return {
      code: definition.code,
      name: definition.name,
      area: definition.area,
      kind: definition.formula.kind,
      inputs: { ...definition.inputs },
      amounts: Object.fromEntries(Object.entries(row?.amounts ?? {}).map(([key, fen]) => [key, formatYuan(fen)])),
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
      version: row?.version ?? null,
    };
  });
}

export async function scoreEvaluation(deps: Deps, ctx: RequestContext, id: string) {
  const { evaluation } = await authorise(deps.db, ctx, id, 'read');
  return presentEvaluation(scoreAggregate(await loadAggregate(deps.db, evaluation)));
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────

/** Re-scores inside the write's transaction, so the cached total never disagrees with the content. */
export async function refreshScore(db: Queryable, evaluationId: string): Promise<void> {
  const evaluation = await repo.getEvaluation(db, evaluationId);
  if (evaluation) await cacheScore(db, await loadAggregate(db, evaluation));
}

/** Caches the score of an aggregate the write has already loaded, as it stands in the transaction. */
export async function cacheScore(db: Queryable, aggregate: Aggregate): Promise<void> {
  const scored = scoreAggregate(aggregate);
  const blocking = scored.findings.some((entry) => entry.blocking);
  const ledger = aggregate.ledgerBudget;
  await repo.saveScore(db, aggregate.evaluation.id, {
    totalScore: blocking ? null : scored.total.final,
    grade: blocking ? null : scored.grade.final,
    errorCount: scored.findings.filter((entry) => entry.severity === 'error').length,
    warningCount: scored.findings.filter((entry) => entry.severity === 'warning').length,
    // Budget figures taken from the ledger are mirrored into the row, for lists and the workbook export.
    ...(ledger && {
      initialFen: ledger.initial,
      carryOverFen: ledger.carryOver,
      adjustedFen: ledger.adjusted,
      executedFen: ledger.executed,
    }),
  });
}

/** The common frame of a content write: one transaction, authorised, touched, re-scored. */
async function contentWrite<T>(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  need: 'edit' | 'adjust',
  write: (tx: Queryable, evaluation: repo.EvaluationRow) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const { evaluation } = await authorise(tx, ctx, evaluationId, need, true);
    const result = await write(tx, evaluation);
    if (need === 'edit') await repo.touchEvaluation(tx, evaluationId, ctx.principal.userId);
    else await repo.touchEvaluationRevisionOnly(tx, evaluationId);
    await refreshScore(tx, evaluationId);
    return result;
  });
}

const toPoints = (text: string | null | undefined) => (text === null || text === undefined ? text : (parsePoints(text) ?? null));
const emptyToNull = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim();

function indicatorValues(fields: Partial<IndicatorFields>): Partial<typeof indicatorsTable.$inferInsert> {
  const values: Partial<typeof indicatorsTable.$inferInsert> = {};
  const set = <K extends keyof typeof indicatorsTable.$inferInsert>(
    key: K,
    value: (typeof indicatorsTable.$inferInsert)[K] | undefined,
  ) => {
    if (value !== undefined) values[key] = value;
  };
  set('code', fields.code);
  set('goalId', fields.goalId);
  set('level1', fields.level1);
  set('level2', fields.level2);
  set('name', fields.name);
  set('direction', fields.direction);
  set('target', emptyToNull(fields.target));
  set('unit', emptyToNull(fields.unit));
  set('actual', emptyToNull(fields.actual));
  set('targetText', emptyToNull(fields.targetText));
  set('actualText', emptyToNull(fields.actualText));
  set('lastYearActual', emptyToNull(fields.lastYearActual));
  set('weight', toPoints(fields.weight));
  set('notApplicable', fields.notApplicable);
  set('deviationReason', emptyToNull(fields.deviationReason));
  set('dataSource', emptyToNull(fields.dataSource));
  set('band', fields.band);
  set('qualitativeScore', toPoints(fields.qualitativeScore));
  if (fields.binding !== undefined) {
    values.bindingMetric = fields.binding?.metric ?? null;
    values.bindingScope = fields.binding?.budgetLineIds ? { budgetLineIds: [...fields.binding.budgetLineIds] } : null;
  }
  return values;
}

/** Rules across fields that a JSON schema cannot state; each problem names its field. */
function checkIndicatorConsistency(
  row: { level1: string; level2: string; direction: string; target: string | null; band: string | null },
  goalIds: ReadonlySet<string>,
  goalId: string | null,
): void {
  const problems: FieldDetail[] = [];
  if (!LEVEL2_OF[row.level1 as Level1]?.includes(row.level2 as Level2))
    problems.push({ path: 'body.level2', message: '二级指标不属于所选一级指标' });
  if (goalId && !goalIds.has(goalId)) problems.push({ path: 'body.goalId', message: '所属绩效目标不存在' });
  if (row.direction === 'qualitative' && row.target !== null)
    problems.push({ path: 'body.target', message: '定性指标不填写目标值，请用“目标值表述”' });
  if (row.direction !== 'qualitative' && row.band !== null) problems.push({ path: 'body.band', message: '定量指标不选择定性档次' });
  if (problems.length) throw validationFailed(problems);
}

export async function createEvaluationFor(
  deps: Deps,
  ctx: RequestContext,
  input: { kind: 'department'; fiscalYear: number; organisationId: string } | { kind: 'project'; fiscalYear: number; projectId: string },
) {
  return deps.db.transaction(async (tx) => {
    let organisationId: string;
    let projectId: string | null = null;
    let initialFen = 0;
    if (input.kind === 'project') {
      const project = await repo.getProject(tx, input.projectId);
      if (!project) throw notFound('项目');
      organisationId = project.organisationId;
      projectId = project.id;
      initialFen = project.budgetFen;
    } else {
      organisationId = input.organisationId;
      const organisation = await getOrganisation(tx, organisationId);
      if (!organisation) throw notFound('部门');
      if (organisation.kind !== 'department') throw validationFailed([{ path: 'body.organisationId', message: '部门整体自评须选择部门' }]);
    }
    const roles = await rolesOver(tx, ctx.principal, organisationId);
    if (isOutOfScope(ctx.principal, roles)) throw notFound(input.kind === 'project' ? '项目' : '部门');
    if (!policy.holdsAny(roles, policy.evaluationPolicy.posts.create)) throw new AppError('FORBIDDEN', '只有本单位的填报人可以新建自评');
    if (!(await repo.fiscalYearExists(tx, input.fiscalYear)))
      throw validationFailed([{ path: 'body.fiscalYear', message: `${input.fiscalYear} 年度尚未设立，请先由管理员新建年度` }]);
    const duplicate =
      input.kind === 'department' ? `本部门 ${input.fiscalYear} 年度的部门整体自评已存在` : '该项目的自评已存在，一个项目只有一份自评';
    const created = await repo
      .insertEvaluation(tx, {
        organisationId,
        fiscalYear: input.fiscalYear,
        kind: input.kind,
        projectId,
        schemeId: input.kind === 'department' ? 'department-overall' : 'mof-2020-project',
        initialFen,
        adjustedFen: initialFen,
        preparerName: ctx.principal.displayName,
        createdBy: ctx.principal.userId,
      })
      .catch((error: unknown) => rethrowUnique(error, input.kind === 'department' ? 'body.organisationId' : 'body.projectId', duplicate));
    await repo.addContributor(tx, created.id, ctx.principal.userId);
    await refreshScore(tx, created.id);
    await recordAudit(tx, ctx, { entityType: 'evaluation', entityId: created.id, action: 'create', organisationId, after: created });
    return created;
  });
}

function money(path: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseYuan(text);
  if (!parsed.ok) throw validationFailed([{ path, message: '金额格式不正确' }]);
  return parsed.value;
}

export async function updateEvaluationHeader(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof UpdateEvaluation>) {
  return contentWrite(deps, ctx, id, 'edit', async (tx, before) => {
    const values: Partial<typeof evaluations.$inferInsert> = {};
    if (body.preparerName !== undefined) values.preparerName = body.preparerName;
    if (body.preparerPhone !== undefined) values.preparerPhone = body.preparerPhone;
    if (body.filledOn !== undefined) values.filledOn = body.filledOn;
    if (body.schemeId !== undefined) values.schemeId = body.schemeId;
    if (body.budgetSource !== undefined) values.budgetSource = body.budgetSource;
    if (body.budget) {
      const budget = body.budget;
      const set = (key: 'initialFen' | 'carryOverFen' | 'adjustedFen' | 'executedFen', path: string, text: string | undefined) => {
        const value = money(path, text);
        if (value !== undefined) values[key] = value;
      };
      set('initialFen', 'body.budget.initial', budget.initial);
      set('carryOverFen', 'body.budget.carryOver', budget.carryOver);
      set('adjustedFen', 'body.budget.adjusted', budget.adjusted);
      set('executedFen', 'body.budget.executed', budget.executed);
      if (budget.executionReason !== undefined) values.executionReason = emptyToNull(budget.executionReason);
    }
    if (body.narrative) values.narrative = { ...before.narrative, ...body.narrative };
    const updated = await repo.updateEvaluationHeader(tx, id, body.version, values);
    if (!updated) throw versionConflict('自评基本信息');
    await recordAudit(tx, ctx, {
      entityType: 'evaluation',
      entityId: id,
      action: 'update',
      organisationId: before.organisationId,
      before: pick(before, values),
      after: pick(updated, values),
    });
    return updated;
  });
}

function pick<T extends object>(row: T, keys: object): Partial<T> {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, (row as Record<string, unknown>)[key]])) as Partial<T>;
}

export async function addGoal(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  body: { code?: string | undefined; text: string; summary?: string | null | undefined },
) {
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    const position = await repo.nextPosition(tx, goalsTable, evaluationId);
    const code = body.code ?? `G${position}`;
    const existing = await repo.findGoals(tx, evaluationId);
    if (existing.some((goal) => goal.code === code)) throw alreadyExists('body.code', `目标编号“${code}”已存在`);
    const goal = await repo.insertGoal(tx, { evaluationId, position, code, text: body.text, summary: body.summary ?? null });
    await recordAudit(tx, ctx, {
      entityType: 'goal',
      entityId: goal.id,
      action: 'create',
      organisationId: evaluation.organisationId,
      after: goal,
    });
    return goal;
  });
}

async function goalOf(deps: Deps, goalId: string) {
  const goal = await repo.getGoal(deps.db, goalId);
  if (!goal) throw notFound('绩效目标');
  return goal;
}

export async function updateGoal(
  deps: Deps,
  ctx: RequestContext,
  goalId: string,
  body: { version: number; code?: string | undefined; text?: string | undefined; summary?: string | null | undefined },
) {
  const goal = await goalOf(deps, goalId);
  return contentWrite(deps, ctx, goal.evaluationId, 'edit', async (tx, evaluation) => {
    const { version, ...values } = body;
    if (values.code !== undefined && values.code !== goal.code) {
      const existing = await repo.findGoals(tx, goal.evaluationId);
      if (existing.some((other) => other.code === values.code)) throw alreadyExists('body.code', `目标编号“${values.code}”已存在`);
    }
    const updated = await repo
      .updateGoal(tx, goalId, version, values)
      .catch((error: unknown) => rethrowUnique(error, 'body.code', `目标编号“${values.code}”已存在`));
    if (!updated) throw versionConflict('绩效目标');
    await recordAudit(tx, ctx, {
      entityType: 'goal',
      entityId: goalId,
      action: 'update',
      organisationId: evaluation.organisationId,
      before: goal,
      after: updated,
    });
    return updated;
  });
}

export async function removeGoal(deps: Deps, ctx: RequestContext, goalId: string, version: number) {
  const goal = await goalOf(deps, goalId);
  await contentWrite(deps, ctx, goal.evaluationId, 'edit', async (tx, evaluation) => {
    if (!(await repo.deleteGoal(tx, goalId, version))) throw versionConflict('绩效目标');
    await recordAudit(tx, ctx, {
      entityType: 'goal',
      entityId: goalId,
      action: 'delete',
      organisationId: evaluation.organisationId,
      before: goal,
    });
  });
}

export async function addIndicator(deps: Deps, ctx: RequestContext, evaluationId: string, body: IndicatorFields) {
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    const goals = await repo.findGoals(tx, evaluationId);
    const values = indicatorValues(body);
    const position = await repo.nextPosition(tx, indicatorsTable, evaluationId);
    const code = body.code ?? `I${position}`;
    const existing = await repo.findIndicators(tx, evaluationId);
    if (existing.some((row) => row.code === code)) throw alreadyExists('body.code', `指标编号“${code}”已存在`);
    const row = {
      level1: body.level1,
      level2: body.level2,
      direction: body.direction,
      target: values.target ?? null,
      band: values.band ?? null,
    };
    checkIndicatorConsistency(row, new Set(goals.map((goal) => goal.id)), body.goalId ?? null);
    const [created] = await repo.insertIndicators(tx, [
      {
        ...values,
        evaluationId,
        position,
        code,
        level1: body.level1,
        level2: body.level2,
        name: body.name,
        direction: body.direction,
        updatedBy: ctx.principal.userId,
      },
    ]);
    if (!created) throw new Error('indicator insert returned nothing');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: created.id,
      action: 'create',
      organisationId: evaluation.organisationId,
      after: created,
    });
    return created;
  });
}

async function indicatorOf(deps: Deps, indicatorId: string) {
  const indicator = await repo.getIndicator(deps.db, indicatorId);
  if (!indicator) throw notFound('绩效指标');
  return indicator;
}

export async function updateIndicator(
  deps: Deps,
  ctx: RequestContext,
  indicatorId: string,
  body: Partial<IndicatorFields> & { version: number },
) {
  const current = await indicatorOf(deps, indicatorId);
  return contentWrite(deps, ctx, current.evaluationId, 'edit', async (tx, evaluation) => {
    const { version, ...fields } = body;
    const values = indicatorValues(fields);
    const goals = await repo.findGoals(tx, current.evaluationId);
    const merged = { ...current, ...values };
    checkIndicatorConsistency(merged, new Set(goals.map((goal) => goal.id)), merged.goalId);
    if (values.code && values.code !== current.code) {
      const existing = await repo.findIndicators(tx, current.evaluationId);
      if (existing.some((row) => row.code === values.code)) throw alreadyExists('body.code', `指标编号“${values.code}”已存在`);
    }
    const updated = await repo.updateIndicator(tx, indicatorId, version, { ...values, updatedBy: ctx.principal.userId });
    if (!updated) throw versionConflict('绩效指标');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicatorId,
      action: 'update',
      organisationId: evaluation.organisationId,
      before: pick(current, values),
      after: pick(updated, values),
    });
    return updated;
  });
}

export async function removeIndicator(deps: Deps, ctx: RequestContext, indicatorId: string, version: number) {
  const current = await indicatorOf(deps, indicatorId);
  await contentWrite(deps, ctx, current.evaluationId, 'edit', async (tx, evaluation) => {
    if (!(await repo.deleteIndicator(tx, indicatorId, version))) throw versionConflict('绩效指标');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicatorId,
      action: 'delete',
      organisationId: evaluation.organisationId,
      before: current,
    });
  });
}

/** 评价人调整: a reviewer sets a final score with a mandatory reason; the computed score stays. */
export async function adjustIndicator(
  deps: Deps,
  ctx: RequestContext,
  indicatorId: string,
  body: { version: number; score: string | null; reason?: string | null | undefined },
) {
  const current = await indicatorOf(deps, indicatorId);
  return contentWrite(deps, ctx, current.evaluationId, 'adjust', async (tx, evaluation) => {
    const score = body.score === null ? null : parsePoints(body.score);
    const reason = body.reason?.trim() || null;
    if (score !== null && !reason) throw validationFailed([{ path: 'body.reason', message: '调整得分必须说明理由' }]);
    const updated = await repo.updateIndicator(tx, indicatorId, body.version, {
      adjustmentScore: score ?? null,
      adjustmentReason: score === null ? null : reason,
      adjustedBy: score === null ? null : ctx.principal.userId,
    });
    if (!updated) throw versionConflict('绩效指标');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicatorId,
      action: 'adjust',
      organisationId: evaluation.organisationId,
      before: { adjustmentScore: current.adjustmentScore, adjustmentReason: current.adjustmentReason },
      after: { adjustmentScore: updated.adjustmentScore, adjustmentReason: updated.adjustmentReason },
    });
    return updated;
  });
}

export async function saveManagementEntry(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  code: string,
  body: z.infer<typeof ManagementFields>,
) {
  const definition = DEFAULT_MANAGEMENT_CATALOGUE.find((entry) => entry.code === code);
  if (!definition) throw notFound('管理效率项目');
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    if (evaluation.kind !== 'department') throw validationFailed([{ path: 'code', message: '只有部门整体自评有管理效率指标' }]);
    const existing = (await repo.findManagement(tx, evaluationId)).find((row) => row.code === code);
    if (existing && body.version !== undefined && existing.version !== body.version) throw versionConflict('管理效率指标');
    const amounts: Record<string, number> = { ...(existing?.amounts ?? {}) };
    for (const [key, text] of Object.entries(body.amounts ?? {})) {
      if (!(key in definition.inputs))
        throw validationFailed([{ path: `body.amounts.${key}`, message: `“${definition.name}”没有这项金额` }]);
      amounts[key] = money(`body.amounts.${key}`, text) ?? 0;
    }
    const saved = await repo.upsertManagement(tx, {
      evaluationId,
      code,
      amounts,
      target: body.target === undefined ? (existing?.target ?? null) : body.target,
      weight: body.weight === undefined ? (existing?.weight ?? null) : toPoints(body.weight),
      notApplicable: body.notApplicable ?? existing?.notApplicable ?? false,
      band: body.band === undefined ? (existing?.band ?? null) : body.band,
      score: body.score === undefined ? (existing?.score ?? null) : toPoints(body.score),
      deviationReason: body.deviationReason === undefined ? (existing?.deviationReason ?? null) : emptyToNull(body.deviationReason),
      note: body.note === undefined ? (existing?.note ?? null) : emptyToNull(body.note),
      illustrative: existing?.illustrative ?? false,
    });
    await recordAudit(tx, ctx, {
      entityType: 'management',
      entityId: `${evaluationId}:${code}`,
      action: existing ? 'update' : 'create',
      organisationId: evaluation.organisationId,
      before: existing,
      after: saved,
    });
    return saved;
  });
}
