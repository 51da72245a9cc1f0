import type { Role } from '@jixiao/contract';
import { adjustment, monitoring, policy, rectification, workflow } from '@jixiao/core';
import { findStepsOf as findAdjustmentStepsOf, findAdjustments } from '../adjustment/adjustment.repository.ts';
import { factsOf } from '../adjustment/adjustment-access.ts';
import { declarationTitle } from '../adjustment/adjustment-presenter.ts';
import { findFiscalYears } from '../admin/admin.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import * as evaluationRepo from '../evaluations/evaluation.repository.ts';
import { findForms as findMonitoringForms, findStepsOf as findMonitoringSteps } from '../monitoring/monitoring.repository.ts';
import { factsOf as monitoringFacts } from '../monitoring/monitoring-access.ts';
import { assessmentOf, worstExplanation } from '../monitoring/monitoring-presenter.ts';
import { findOrganisations } from '../organisations/organisation.repository.ts';
import { scopeOf } from '../policies/scope.ts';
import { findRectifications, lastAnswerers } from '../rectification/rectification.repository.ts';
import { listRounds } from '../rereview/rereview.service.ts';
import { undecidedResults } from '../results/results.service.ts';
import { findSurveys, flaggedWaiting } from '../surveys/survey.repository.ts';
import { surveyStatus } from '../surveys/survey-status.ts';
import { findDeclarations } from '../targets/declaration.repository.ts';
import { chinaToday } from '../time.ts';
import { controlTasks } from './control-tasks.ts';

type TaskAction = 'fill' | 'fix' | 'review-department' | 'review-finance' | 'publish';

const ACTION_LABEL: Readonly<Record<TaskAction, string>> = {
  fill: '填报自评',
  fix: '按退回意见修改后重新提交',
  'review-department': '部门审核',
  'review-finance': '财政复核',
  publish: '公开报告',
};

/** The task of each status for whoever may take its workflow step (the evaluation policy says who). */
const TASK_OF: Readonly<Partial<Record<workflow.EvaluationStatus, { action: TaskAction; deadline: 'submit' | 'review' | 'finance' }>>> = {
  draft: { action: 'fill', deadline: 'submit' },
  returned: { action: 'fix', deadline: 'submit' },
  submitted: { action: 'review-department', deadline: 'review' },
  department_approved: { action: 'review-finance', deadline: 'finance' },
  finance_approved: { action: 'publish', deadline: 'finance' },
};

/** Which of my roles acts on an evaluation in this status, and against which deadline. */
function taskFor(
  status: workflow.EvaluationStatus,
  roles: ReadonlySet<Role>,
): { action: TaskAction; deadline: 'submit' | 'review' | 'finance' } | undefined {
  return policy.evaluationActions([...roles], status).length > 0 ? TASK_OF[status] : undefined;
}

/** 工作台: the evaluations waiting for the signed-in user, most urgent first. */
export async function findTasks(deps: Deps, ctx: RequestContext) {
  const [rows, organisations, years] = await Promise.all([
    evaluationRepo.findEvaluations(deps.db, { scope: scopeOf(ctx.principal) }),
    findOrganisations(deps.db),
    findFiscalYears(deps.db),
  ]);
  const parent = new Map(organisations.map((organisation) => [organisation.id, organisation.parentId]));
  const rolesOver = (organisationId: string): Set<Role> => {
    const chain = new Set<string>();
    for (let id: string | null | undefined = organisationId; id; id = parent.get(id)) chain.add(id);
    return new Set(ctx.principal.roles.filter((grant) => chain.has(grant.organisationId)).map((grant) => grant.role));
  };
  const yearByNumber = new Map(years.map((year) => [year.year, year]));
  const today = deps.clock().toISOString().slice(0, 10);
  const tasks = [];
  for (const row of rows) {
    const evaluation = row.evaluation;
    const task = taskFor(evaluation.status, rolesOver(evaluation.organisationId));
    if (!task) continue;
    const year = yearByNumber.get(evaluation.fiscalYear);
    const deadline =
      (task.deadline === 'submit' ? year?.submitDeadline : task.deadline === 'review' ? year?.reviewDeadline : year?.financeDeadline) ??
      null;
    const lastComment =
      evaluation.status === 'returned'
        ? ((await evaluationRepo.findTransitions(deps.db, evaluation.id)).filter((entry) => entry.transition.action === 'return').at(-1)
            ?.transition.comment ?? null)
        : null;
    tasks.push({
      evaluationId: evaluation.id,
      title: row.projectName ? `${row.projectName}（项目支出绩效自评）` : `${row.organisationName} 部门整体支出绩效自评`,
      organisationName: row.organisationName,
      fiscalYear: evaluation.fiscalYear,
      status: evaluation.status,
      statusLabel: workflow.STATUS_LABEL[evaluation.status],
      action: task.action,
      actionLabel: ACTION_LABEL[task.action],
      deadline,
      overdue: deadline !== null && deadline < today,
      lastComment,
    });
  }
  tasks.push(...(await declarationTasks(deps, ctx, rolesOver)));
  tasks.push(...(await rereviewTasks(deps, ctx)));
  tasks.push(...(await rectificationTasks(deps, ctx, rolesOver)));
  tasks.push(...(await surveyTasks(deps, ctx, rolesOver)));
  tasks.push(...(await surveyReviewTasks(deps, ctx, rolesOver)));
  tasks.push(...(await adjustmentTasks(deps, ctx, rolesOver)));
  tasks.push(...(await resultTasks(deps, ctx)));
  tasks.push(...(await controlTasks(deps, ctx, rolesOver)));
  tasks.push(...(await monitoringTasks(deps, ctx, rolesOver)));
  return tasks.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
}

const DECLARATION_TASK: Readonly<Record<Exclude<policy.DeclarationStatus, 'approved'>, { action: DeclarationTaskAction; label: string }>> =
  {
    draft: { action: 'declare', label: '填报绩效目标申报表' },
    returned: { action: 'fix-declaration', label: '按审核意见修改申报表后重新提交' },
    submitted: { action: 'review-declaration-department', label: '部门审核绩效目标' },
    department_approved: { action: 'review-declaration-finance', label: '财政审核绩效目标' },
  };
type DeclarationTaskAction = 'declare' | 'fix-declaration' | 'review-declaration-department' | 'review-declaration-finance';

/** The 绩效目标申报表 waiting for the signed-in user: the unit's drafts and returns, the reviewers' queues (the declaration policy says who). */
async function declarationTasks(deps: Deps, ctx: RequestContext, rolesOver: (organisationId: string) => Set<Role>) {
  const rows = await findDeclarations(deps.db, { scope: scopeOf(ctx.principal) });
  return rows.flatMap(({ declaration, organisationName }) => {
    if (declaration.status === 'approved') return [];
    if (!policy.declarationStatusesFor([...rolesOver(declaration.organisationId)]).includes(declaration.status)) return [];
    const task = DECLARATION_TASK[declaration.status];
    return [
      {
        declarationId: declaration.id,
        title: declaration.projectName
          ? `${declaration.projectName}（项目支出绩效目标申报表）`
          : `${organisationName} 部门整体支出绩效目标申报表`,
        organisationName,
        fiscalYear: declaration.fiscalYear,
        status: declaration.status,
        statusLabel: policy.DECLARATION_STATUS_LABEL[declaration.status],
        action: task.action,
        actionLabel: task.label,
        deadline: null,
        overdue: false,
        lastComment: null,
      },
    ];
  });
}

/** 抽查复核: confirmed rounds of the bureau with sampled evaluations still to re-score (finance reviewers). */
async function rereviewTasks(deps: Deps, ctx: RequestContext) {
  if (!ctx.principal.roles.some((grant) => policy.holdsAny([grant.role], policy.rereviewPolicy.posts.rescore))) return [];
  const rounds = await listRounds(deps, ctx, {});
  return rounds
    .filter((round) => round.status === 'confirmed' && round.completedCount < round.sampleCount)
    .map((round) => ({
      rereviewId: round.id,
      title: `${round.title}（已完成 ${round.completedCount} / ${round.sampleCount}）`,
      organisationName: '',
      fiscalYear: round.fiscalYear,
      status: round.status,
      statusLabel: '复核中',
      action: 'rereview' as const,
      actionLabel: '抽查复核评分',
      deadline: null,
      overdue: false,
      lastComment: null,
    }));
}

/**
 * 整改 items waiting for the signed-in user: 整改反馈 for the unit's 填报人 (issued or re-opened), 整改核验
 * for the bureau's or department's reviewer (feedback waiting), each against its deadline, overdue
 * flagged. The rectification policy decides, segregation of duties included (no task to answer one's
 * own notice or verify one's own answer).
 */
async function rectificationTasks(deps: Deps, ctx: RequestContext, rolesOver: (organisationId: string) => Set<Role>) {
  const rows = await findRectifications(deps.db, { scope: scopeOf(ctx.principal), open: true });
  const answerers = await lastAnswerers(
    deps.db,
    rows.filter((row) => row.rectification.status === 'feedback_submitted').map((row) => row.rectification.id),
  );
  const today = chinaToday(deps.clock());
  return rows.flatMap(({ rectification: row, organisationName }) => {
    const action = rectification.pendingStage(row.status) === 'unit' ? 'feedback' : 'close';
    const facts = { status: row.status, issuedBy: row.issuedBy, answeredBy: answerers.get(row.id) };
    const actor = { userId: ctx.principal.userId, posts: [...rolesOver(row.organisationId)] };
    if (!policy.decideRectificationStep(action, facts, actor, 'text').ok) return [];
    const feedback = action === 'feedback';
    return [
      {
        rectificationId: row.id,
        title: `${row.sourceTitle}（整改${feedback ? '反馈' : '核验'}）`,
        organisationName,
        fiscalYear: row.fiscalYear,
        status: row.status,
        statusLabel: rectification.RECTIFICATION_STATUS_LABEL[row.status],
        action: feedback ? ('rectification-feedback' as const) : ('rectification-verify' as const),
        actionLabel: feedback ? '整改反馈' : '整改核验',
        deadline: row.deadline,
        overdue: rectification.isRectificationOverdue(row.status, row.deadline, today),
        lastComment: null,
      },
    ];
  });
}

/**
 * 满意度调查 short of its planned sample, for the unit that runs it: while open, a reminder to collect
 * against the closing date; once closed, an overdue item (the linked 满意度 indicator would rest on too
 * small a sample: extend the window or enter the paper questionnaires).
 */
async function surveyTasks(deps: Deps, ctx: RequestContext, rolesOver: (organisationId: string) => Set<Role>) {
  const rows = await findSurveys(deps.db, { scope: scopeOf(ctx.principal) });
  const now = deps.clock();
  return rows.flatMap(({ survey, organisationName, validResponses }) => {
    const status = surveyStatus(survey, now);
    if (status === 'not-open' || validResponses >= survey.plan.required) return [];
    if (!policy.holdsAny([...rolesOver(survey.organisationId)], policy.SURVEY_FOLLOW_UP_POSTS)) return [];
    const open = status === 'open';
    return [
      {
        surveyId: survey.id,
        title: `${survey.title}（有效问卷 ${validResponses} / ${survey.plan.required} 份）`,
        organisationName,
        fiscalYear: survey.fiscalYear,
        status,
        statusLabel: open ? '回收中' : '已截止，样本不足',
        action: open ? ('survey-collect' as const) : ('survey-short' as const),
        actionLabel: open ? '回收满意度问卷' : '样本不足：延长回收期或录入纸质问卷',
        deadline: survey.closesOn,
        overdue: !open,
        lastComment: null,
      },
    ];
  });
}

/** Flagged responses (过快 / 雷同作答 / 疑似重复) no reviewer has yet kept or excluded, for the survey's reviewer. */
async function surveyReviewTasks(deps: Deps, ctx: RequestContext, rolesOver: (organisationId: string) => Set<Role>) {
  const rows = (await findSurveys(deps.db, { scope: scopeOf(ctx.principal) })).filter(({ survey }) =>
    policy.holdsAny([...rolesOver(survey.organisationId)], policy.SURVEY_REVIEW_TASK_POSTS),
  );
  const waiting = await flaggedWaiting(
    deps.db,
    rows.map(({ survey }) => survey.id),
  );
  return rows.flatMap(({ survey, organisationName }) => {
    const count = waiting.get(survey.id) ?? 0;
    if (count === 0) return [];
    return [
      {
        surveyId: survey.id,
        title: `${survey.title}（${count} 份答卷有复核提示，待保留或排除）`,
        organisationName,
        fiscalYear: survey.fiscalYear,
        status: 'flagged',
        statusLabel: '待复核',
        action: 'survey-flagged' as const,
        actionLabel: '复核有提示的答卷：保留或说明理由排除',
        deadline: null,
        overdue: false,
        lastComment: null,
      },
    ];
  });
}

const ADJUSTMENT_TASK = {
  returned: { action: 'fix-adjustment', label: '按审核意见修改绩效目标调整申请后重新提交', step: 'submit' },
  submitted: { action: 'review-adjustment-department', label: '部门审核绩效目标调整', step: 'approve' },
  department_approved: { action: 'review-adjustment-finance', label: '财政审批绩效目标调整', step: 'approve' },
} as const;

/**
 * 绩效目标调整 requests waiting for the signed-in user: submitted ones for the department's reviewers,
 * department-approved ones for the finance bureau, returned ones for the unit's 填报人. The adjustment
 * policy decides, segregation of duties included (no task to approve one's own request).
 */
async function adjustmentTasks(deps: Deps, ctx: RequestContext, rolesOver: (organisationId: string) => Set<Role>) {
  const rows = await findAdjustments(deps.db, { scope: scopeOf(ctx.principal), open: true });
  const waiting = rows.filter(({ adjustment: row }) => row.status !== 'draft' && row.status !== 'approved' && row.status !== 'rejected');
  const stepsOf = await findAdjustmentStepsOf(
    deps.db,
    waiting.map((entry) => entry.adjustment.id),
  );
  const tasks = [];
  for (const { adjustment: row, organisationName, projectName } of waiting) {
    if (row.status === 'draft' || row.status === 'approved' || row.status === 'rejected') continue;
    const task = ADJUSTMENT_TASK[row.status];
    const steps = stepsOf.get(row.id) ?? [];
    const actor = { userId: ctx.principal.userId, posts: [...rolesOver(row.organisationId)] };
    if (!policy.decideAdjustmentStep(task.step, factsOf(row, steps), actor, 'opinion').ok) continue;
    tasks.push({
      adjustmentId: row.id,
      title: `${declarationTitle(projectName, organisationName)}（绩效目标调整）`,
      organisationName,
      fiscalYear: row.fiscalYear,
      status: row.status,
      statusLabel: adjustment.ADJUSTMENT_STATUS_LABEL[row.status],
      action: task.action,
      actionLabel: task.label,
      deadline: null,
      overdue: false,
      lastComment:
        row.status === 'returned' ? (steps.filter((entry) => entry.step.action === 'return').at(-1)?.step.opinion ?? null) : null,
    });
  }
  return tasks;
}

/** 结果应用: the finance-approved project evaluations of each year without the bureau's decision, for whoever decides (the results policy). */
async function resultTasks(deps: Deps, ctx: RequestContext) {
  const rows = await undecidedResults(deps, ctx);
  return rows.map((row) => ({
    resultEvaluationId: row.evaluationId,
    title: `${row.projectName}（结果应用：${row.grade}，建议${row.treatmentLabel}）`,
    organisationName: row.organisationName,
    fiscalYear: row.fiscalYear,
    status: 'finance_approved',
    statusLabel: '待作结果应用决定',
    action: 'result-decide' as const,
    actionLabel: '结果应用决定',
    deadline: null,
    overdue: false,
    lastComment: null,
  }));
}

const MONITORING_TASK = {
  draft: { action: 'monitoring-fill', label: '填报绩效运行监控表', step: 'submit' },
  returned: { action: 'monitoring-fix', label: '按审核意见修改绩效运行监控表后重新提交', step: 'submit' },
  submitted: { action: 'monitoring-review-department', label: '部门审核绩效运行监控表', step: 'approve' },
  department_approved: { action: 'monitoring-review-finance', label: '财政审核绩效运行监控表', step: 'approve' },
} as const;

/**
 * 绩效运行监控表 of the open tasks waiting for the signed-in user: the unit's 填报人 fills (or fixes a returned
 * one) before the task's deadline, the department and the finance bureau review; the monitoring policy
 * decides, segregation of duties included. A form whose light is red is also a to-do of the unit's 填报人
 * until the finance bureau has reviewed it, titled with the light's own explanation.
 */
async function monitoringTasks(deps: Deps, ctx: RequestContext, rolesOver: (organisationId: string) => Set<Role>) {
  const rows = await findMonitoringForms(deps.db, { scope: scopeOf(ctx.principal), openTasks: true });
  const today = chinaToday(deps.clock());
  const reviewed = rows
    .filter(({ form }) => form.status === 'submitted' || form.status === 'department_approved')
    .map(({ form }) => form.id);
  const stepsOf = await findMonitoringSteps(deps.db, reviewed);
  const tasks = [];
  for (const { form, task, organisationName } of rows) {
    const posts = [...rolesOver(form.organisationId)];
    const common = { monitoringFormId: form.id, organisationName, fiscalYear: task.fiscalYear, status: form.status };
    const pending = form.status === 'finance_approved' ? undefined : MONITORING_TASK[form.status];
    const statusLabel = monitoring.MONITORING_FORM_STATUS_LABEL[form.status];
    if (pending) {
      const steps = stepsOf.get(form.id) ?? [];
      const actor = { userId: ctx.principal.userId, posts };
      if (policy.decideMonitoringStep(pending.step, monitoringFacts(form, steps), actor, 'opinion').ok) {
        const unitStage = pending.step === 'submit';
        tasks.push({
          ...common,
          title: `${form.title}（${task.title}）`,
          statusLabel,
          action: pending.action,
          actionLabel: pending.label,
          deadline: unitStage ? task.deadline : null,
          overdue: unitStage && task.deadline < today,
          lastComment: null,
        });
      }
    }
    if (form.light === 'red' && form.status !== 'finance_approved' && policy.holdsAny(posts, policy.monitoringPolicy.posts.unit)) {
      tasks.push({
        ...common,
        title: `${form.title}：红灯预警 — ${worstExplanation(assessmentOf(form)) ?? '预警灯为红灯'}`,
        statusLabel,
        action: 'monitoring-red' as const,
        actionLabel: '处理红灯预警：说明偏差原因并落实纠偏措施',
        deadline: task.deadline,
        overdue: task.deadline < today,
        lastComment: null,
      });
    }
  }
  return tasks;
}
