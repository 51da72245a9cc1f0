import type { EvaluationDetail, EvaluationSummary } from '@jixiao/contract';
import { policy, presentEvaluation, workflow } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { AppError, notFound, rethrowUnique, validationFailed } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation.repository.ts';
import { getProject } from '../organisations/project.repository.ts';
import { isOutOfScope, rolesOver, scopeOf } from '../policies/scope.ts';
import { approvedTargetsFor } from '../targets/approved-targets.ts';
import { openFromApprovedTargets } from './commands/open-from-targets.ts';
import * as repo from './evaluation.repository.ts';
import { authorise } from './evaluation-access.ts';
import { loadAggregate, refreshScore, scoreAggregate } from './evaluation-aggregate.ts';
import { presentEvaluationDetail, toSummary } from './evaluation-presenter.ts';

// Lists, the detail page, the score, and creating an evaluation. The aggregate (load, score) is in
// evaluation-aggregate.ts, the presenters in evaluation-presenter.ts, the content edits in commands/edit-*.ts.

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
  const departmentApprover = lastDepartmentApprover(transitions.map((row) => row.transition));
  const facts = { status: evaluation.status, preparers: contributors, departmentApprover };
  const actor = { userId: ctx.principal.userId, roles };
  const can = (action: workflow.WorkflowAction) => workflow.decideTransition(action, facts, actor, 'comment');
  const approve = can('approve');
  const publish = can('publish');
  const refusal = [approve, publish].find((result) => !result.ok && result.refusal.kind === 'segregation');
  const permissions = {
    edit: policy.mayEdit(roles, evaluation.status),
    adjust: workflow.adjustingRoles(evaluation.status).some((role) => roles.includes(role)),
    submit: can('submit').ok,
    approve: approve.ok,
    return: can('return').ok,
    publish: publish.ok,
    withdraw: can('withdraw').ok,
    refusal: refusal && !refusal.ok ? refusal.refusal.message : null,
  };
  return presentEvaluationDetail({ summary, aggregate, transitions, attachments: attachmentRows, permissions });
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

export async function scoreEvaluation(deps: Deps, ctx: RequestContext, id: string) {
  const { evaluation } = await authorise(deps.db, ctx, id, 'read');
  return presentEvaluation(scoreAggregate(await loadAggregate(deps.db, evaluation)));
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
      const project = await getProject(tx, input.projectId);
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
    const approved = await approvedTargetsFor(
      tx,
      input.kind === 'project' ? { projectId: input.projectId } : { organisationId, fiscalYear: input.fiscalYear },
    );
    const created = await repo
      .insertEvaluation(tx, {
        declarationId: approved?.declarationId ?? null,
        declarationVersion: approved?.version ?? null,
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
    if (approved) await openFromApprovedTargets(tx, created.id, approved);
    await repo.addContributor(tx, created.id, ctx.principal.userId);
    await refreshScore(tx, created.id);
    await recordAudit(tx, ctx, { entityType: 'evaluation', entityId: created.id, action: 'create', organisationId, after: created });
    return created;
  });
}
