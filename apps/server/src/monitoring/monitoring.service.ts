import type {
  MonitoringFormDetail,
  MonitoringLights,
  MonitoringTaskDetail,
  MonitoringTaskList,
  SaveMonitoringForm,
} from '@jixiao/contract';
import { monitoring, parseYuan, policy } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import type { MonitoringIndicatorColumn, MonitoringMoneyColumn } from '../db/schema.ts';
import { AppError, type FieldDetail, notFound, validationFailed } from '../errors.ts';
import { scopeOf } from '../policies/scope.ts';
import { getDeclaration } from '../targets/declaration.repository.ts';
import { chinaToday } from '../time.ts';
import * as repo from './monitoring.repository.ts';
import { authoriseForm, factsOf } from './monitoring-access.ts';
import { approvedTargetsOf, assess, computedActuals, type FormSubject, indicatorRows, ledgerMoney } from './monitoring-figures.ts';
import { formSummaryOf, lightRowOf, presentForm, taskSummaryOf } from './monitoring-presenter.ts';
import { financeBureausAmong } from './rules/rules.repository.ts';

// Lists, the form's detail, saving it and the finance bureau's lights. The steps are in commands/.

export const currentYear = (deps: Deps): number => Number(chinaToday(deps.clock()).slice(0, 4));

/** Whether the principal holds the posts of `issue` at a finance bureau (the bureau organises the monitoring). */
export async function mayIssue(db: Queryable, ctx: RequestContext): Promise<boolean> {
  const at = ctx.principal.roles
    .filter((grant) => policy.holdsAny([grant.role], policy.monitoringPolicy.posts.issue))
    .map((grant) => grant.organisationId);
  return (await financeBureausAmong(db, at)).length > 0;
}

export async function listTasks(deps: Deps, ctx: RequestContext, fiscalYear?: number): Promise<MonitoringTaskList> {
  const [tasks, forms, issue] = await Promise.all([
    repo.findTasks(deps.db, fiscalYear),
    repo.findForms(deps.db, { scope: scopeOf(ctx.principal) }),
    mayIssue(deps.db, ctx),
  ]);
  const formsOf = (taskId: string) => forms.filter((entry) => entry.form.taskId === taskId).map((entry) => entry.form);
  return {
    // A unit sees the tasks that reached it; the finance bureau every task, forms or not.
    items: tasks
      .filter(({ task }) => issue || formsOf(task.id).length > 0)
      .map(({ task, issuedByName }) => taskSummaryOf(task, issuedByName, formsOf(task.id))),
    permissions: { issue },
  };
}

export async function getTaskDetail(deps: Deps, ctx: RequestContext, id: string): Promise<MonitoringTaskDetail> {
  const task = await repo.getTask(deps.db, id);
  const forms = task ? await repo.findForms(deps.db, { scope: scopeOf(ctx.principal), taskId: id }) : [];
  if (!task || (forms.length === 0 && !(await mayIssue(deps.db, ctx)))) throw notFound('监控任务');
  const issuedBy = await repo.getUserName(deps.db, task.issuedBy);
  return {
    ...taskSummaryOf(
      task,
      issuedBy,
      forms.map((entry) => entry.form),
    ),
    forms: forms.map(formSummaryOf),
  };
}

const subjectOf = (row: repo.FormRow, task: repo.TaskRow): FormSubject => ({
  organisationId: row.organisationId,
  fiscalYear: task.fiscalYear,
  projectId: row.projectId,
});

export interface LiveFigures {
  readonly money: MonitoringMoneyColumn[];
  readonly indicators: MonitoringIndicatorColumn[];
  readonly assessment: monitoring.ProjectAssessment;
  readonly rules: monitoring.MonitoringRuleSet;
}

/**
 * A form's figures as they stand: the ledger now (the typed 全年预计执行数 kept per source), the latest
 * approved targets (the typed values kept per line), and their assessment under the active rule table.
 */
export async function liveFigures(
  db: Queryable,
  row: repo.FormRow,
  task: repo.TaskRow,
  typed: { money?: readonly MonitoringMoneyColumn[]; indicators?: readonly MonitoringIndicatorColumn[] } = {},
): Promise<LiveFigures> {
  const subject = subjectOf(row, task);
  const declaration = row.declarationId ? ((await getDeclaration(db, row.declarationId)) ?? null) : null;
  const [ledger, targets] = await Promise.all([ledgerMoney(db, subject, task.cutoffDate, declaration), approvedTargetsOf(db, subject)]);
  const forecasts = new Map((typed.money ?? row.money).map((entry) => [entry.source, entry.forecastFen]));
  const money = ledger.map((entry) => ({ ...entry, forecastFen: forecasts.get(entry.source) ?? null }));
  const computed = row.declarationId ? await computedActuals(db, subject, task.cutoffDate, targets) : new Map();
  const indicators = row.declarationId ? indicatorRows(targets, typed.indicators ?? row.indicators, computed) : [];
  const { rules, assessment } = await assess(db, task, money, indicators);
  return { money, indicators, assessment, rules };
}

/** What stops the submission of these rows under their lights. */
export function problemsOf(figures: Pick<LiveFigures, 'indicators' | 'assessment'>): monitoring.FormProblem[] {
  const lights = new Map(figures.assessment.indicators.map((entry) => [entry.id, entry.light]));
  return monitoring.submissionProblems(
    figures.indicators.map((row) => ({
      id: row.indicatorId,
      name: row.name,
      light: lights.get(row.indicatorId) ?? 'none',
      actualToDate: row.actualToDate,
      actualText: row.actualText,
      likelihood: row.likelihood,
      reasons: row.reasons as monitoring.DeviationReason[],
      reasonText: row.reasonText,
      measures: row.measures,
    })),
  );
}

export async function getFormDetail(deps: Deps, ctx: RequestContext, id: string, db: Queryable = deps.db): Promise<MonitoringFormDetail> {
  const { row, task, actor } = await authoriseForm(db, ctx, id);
  const [entry] = await repo.findForms(db, { scope: 'all', formId: id });
  if (!entry) throw notFound('监控表');
  const editable = monitoring.isMonitoringFormEditable(row.status);
  // While the unit holds the form its figures follow the ledger and the targets; once submitted they are frozen.
  const figures = editable ? await liveFigures(db, row, task) : undefined;
  const stored = row.assessment as unknown as (monitoring.ProjectAssessment & { ruleSet?: RuleSetRef }) | null;
  const assessment = figures?.assessment ?? stored ?? (await liveFigures(db, row, task)).assessment;
  const rules = figures?.rules ?? stored?.ruleSet ?? { region: task.region, version: task.ruleSetVersion, preset: 'ratio' as const };
  const steps = await repo.findSteps(db, id);
  const facts = factsOf(row, steps);
  const can = (action: monitoring.MonitoringFormAction) => policy.decideMonitoringStep(action, facts, actor, 'opinion');
  const approve = can('approve');
  const indicators = figures?.indicators ?? row.indicators;
  return presentForm({
    entry: { ...entry, form: figures ? { ...row, money: figures.money } : row },
    indicators,
    assessment,
    rules,
    steps,
    problems: figures ? problemsOf(figures) : [],
    permissions: {
      edit: policy.mayEditMonitoringForm(actor.posts, row.status),
      submit: can('submit').ok,
      approve: approve.ok,
      return: can('return').ok,
      rectify:
        policy.holdsAny(actor.posts, policy.monitoringPolicy.posts.rectify) &&
        !editable &&
        row.rectificationId === null &&
        row.status !== 'submitted',
      requestAdjustment:
        row.declarationId !== null &&
        task.fiscalYear === currentYear(deps) &&
        policy.holdsAny(actor.posts, policy.adjustmentPolicy.posts.create),
      refusal: !approve.ok && approve.refusal.kind === 'segregation' ? approve.refusal.message : null,
    },
  });
}

type RuleSetRef = Pick<monitoring.MonitoringRuleSet, 'region' | 'version' | 'preset'>;

/** The assessment as stored on the form, with the rule table it was computed under. */
export const storedAssessment = (figures: LiveFigures): Record<string, unknown> => ({
  ...figures.assessment,
  ruleSet: { region: figures.rules.region, version: figures.rules.version, preset: figures.rules.preset },
});

/**
 * Saves what the unit typed, in one transaction with its audit record: the 全年预计执行数 per source and, per
 * indicator, the actual to date, the forecast, the 偏差原因, the 完成目标可能性 and the 纠偏措施. The money is
 * read again from the ledger and the lights computed again; a row naming a source or a line not on the form
 * is refused by name.
 */
export async function saveForm(deps: Deps, ctx: RequestContext, id: string, input: SaveMonitoringForm): Promise<MonitoringFormDetail> {
  return deps.db.transaction(async (tx) => {
    const { row, task, actor } = await authoriseForm(tx, ctx, id, true);
    if (!policy.holdsAny(actor.posts, policy.monitoringPolicy.posts.unit))
      throw new AppError('FORBIDDEN', '只有本单位的填报人可以填写监控表');
    if (!monitoring.isMonitoringFormEditable(row.status)) {
      throw new AppError(
        'NOT_EDITABLE',
        `监控表处于“${monitoring.MONITORING_FORM_STATUS_LABEL[row.status]}”状态，不能修改；如需修改，请审核人退回`,
      );
    }
    if (row.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '监控表在你打开之后已被修改，请刷新查看最新内容后再保存', { currentVersion: row.version });
    }
    const current = await liveFigures(tx, row, task);
    const problems: FieldDetail[] = [];
    const sources = new Set(current.money.map((entry) => entry.source));
    const forecasts = new Map<string, number | null>();
    input.money.forEach((entry, index) => {
      if (!sources.has(entry.source)) {
        problems.push({ path: `body.money[${index}].source`, message: `资金来源“${entry.source}”不在本监控表中` });
        return;
      }
      const parsed = entry.forecast === null ? null : parseYuan(entry.forecast);
      if (parsed && !parsed.ok)
        problems.push({
          path: `body.money[${index}].forecast`,
          message: `“${entry.source}”的全年预计执行数“${entry.forecast}”不是有效金额`,
        });
      else forecasts.set(entry.source, parsed ? parsed.value : null);
    });
    const lines = new Map(current.indicators.map((line) => [line.indicatorId, line]));
    const typed = new Map(input.indicators.map((entry) => [entry.indicatorId, entry]));
    input.indicators.forEach((entry, index) => {
      if (!lines.has(entry.indicatorId))
        problems.push({
          path: `body.indicators[${index}].indicatorId`,
          message: `第 ${index + 1} 行所指的指标不在该项目已批复的绩效目标中`,
        });
    });
    if (problems.length > 0) throw validationFailed(problems);
    const money = current.money.map((entry) => ({
      ...entry,
      forecastFen: forecasts.has(entry.source) ? (forecasts.get(entry.source) ?? null) : entry.forecastFen,
    }));
    const blankToNull = (text: string | null | undefined, fallback: string | null) =>
      text === undefined ? fallback : text === null || text.trim() === '' ? null : text.trim();
    const indicators = current.indicators.map((line): MonitoringIndicatorColumn => {
      const entry = typed.get(line.indicatorId);
      if (!entry) return line;
      return {
        ...line,
        // A computed actual (ledger or survey) is not the unit's to type; what it sends for it is ignored.
        actualToDate: line.computed ? line.actualToDate : blankToNull(entry.actualToDate, line.actualToDate),
        actualText: line.computed ? line.actualText : blankToNull(entry.actualText, line.actualText),
        forecastYearEnd: blankToNull(entry.forecastYearEnd, line.forecastYearEnd),
        reasons: entry.reasons ? [...new Set(entry.reasons)] : line.reasons,
        reasonText: blankToNull(entry.reasonText, line.reasonText),
        likelihood: entry.likelihood === undefined ? line.likelihood : entry.likelihood,
        measures: blankToNull(entry.measures, line.measures),
      };
    });
    const { rules, assessment } = await assess(tx, task, money, indicators);
    const figures = { money, indicators, assessment, rules };
    await repo.updateForm(tx, id, {
      money,
      indicators,
      assessment: storedAssessment(figures),
      light: assessment.light,
      preparers: [...new Set([...row.preparers, ctx.principal.userId])],
    });
    await recordAudit(tx, ctx, {
      entityType: 'monitoring-form',
      entityId: id,
      action: 'update',
      organisationId: row.organisationId,
      before: { money: row.money, indicators: row.indicators, light: row.light },
      after: { money, indicators, light: assessment.light },
    });
    return getFormDetail(deps, ctx, id, tx);
  });
}

/** The finance bureau's page: every form of the task in the user's scope with its lights, by department. */
export async function taskLights(deps: Deps, ctx: RequestContext, taskId: string): Promise<MonitoringLights> {
  const task = await repo.getTask(deps.db, taskId);
  if (!task) throw notFound('监控任务');
  const rows = await repo.findForms(deps.db, { scope: scopeOf(ctx.principal), taskId });
  if (rows.length === 0 && !(await mayIssue(deps.db, ctx))) throw notFound('监控任务');
  return { taskId, cutoffDate: task.cutoffDate, items: rows.map(lightRowOf) };
}
