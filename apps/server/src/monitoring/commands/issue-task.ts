import type { IssueMonitoringTask } from '@jixiao/contract';
import { monitoring } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { fiscalYears } from '../../db/schema.ts';
import { AppError, type FieldDetail, validationFailed } from '../../errors.ts';
import { findOrganisations } from '../../organisations/organisation.repository.ts';
import { chinaToday } from '../../time.ts';
import * as repo from '../monitoring.repository.ts';
import { mayIssue, storedAssessment } from '../monitoring.service.ts';
import { approvedTargetsOf, assess, computedActuals, indicatorRows, ledgerMoney } from '../monitoring-figures.ts';
import { activeRuleSet } from '../rules/rules.service.ts';

/** The month the cut-off falls in, as users say it: 截至 7 月底. */
const cutoffWords = (cutoff: string) => `截至 ${Number(cutoff.slice(5, 7))} 月底`;

/**
 * 下发监控任务, in one transaction: only the finance bureau's reviewer (监控由财政部门组织, 财预〔2019〕136号).
 * The task creates its forms — one per approved project declaration of the year and one per department
 * in its scope (all, or the chosen departments and units with what lies below them) — each with its money
 * read from the ledger at the cut-off, the approved indicators, its first lights, its first step; the
 * task's and each form's audit records are written with them, or nothing is.
 */
export async function issueTask(deps: Deps, ctx: RequestContext, input: IssueMonitoringTask) {
  return deps.db.transaction(async (tx) => {
    if (!(await mayIssue(tx, ctx))) throw new AppError('FORBIDDEN', '只有财政局的财政审核人可以下发绩效运行监控任务');
    const problems: FieldDetail[] = [];
    const [year] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, input.fiscalYear));
    if (!year) problems.push({ path: 'body.fiscalYear', message: `${input.fiscalYear} 年度尚未设立，请先在系统管理中设立该年度` });
    if (!input.cutoffDate.startsWith(`${input.fiscalYear}-`))
      problems.push({ path: 'body.cutoffDate', message: `截至日期 ${input.cutoffDate} 不在 ${input.fiscalYear} 年度内` });
    const today = chinaToday(deps.clock());
    if (input.deadline < today)
      problems.push({ path: 'body.deadline', message: `填报截止日期 ${input.deadline} 早于今天 ${today}，请给出今天或以后的日期` });
    if (input.deadline < input.cutoffDate)
      problems.push({
        path: 'body.deadline',
        message: `填报截止日期 ${input.deadline} 早于截至日期 ${input.cutoffDate}，数据尚未截止不能先截止填报`,
      });
    const organisations = await findOrganisations(tx);
    const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
    const chosen = [...new Set(input.organisationIds ?? [])];
    if (input.targets === 'chosen') {
      if (chosen.length === 0) problems.push({ path: 'body.organisationIds', message: '按所选单位下发时，请至少选择一个部门或单位' });
      chosen.forEach((organisationId, index) => {
        const organisation = byId.get(organisationId);
        if (!organisation || organisation.kind === 'finance-bureau')
          problems.push({ path: `body.organisationIds[${index}]`, message: `所选第 ${index + 1} 个单位不存在或不是部门、单位` });
      });
    }
    if (problems.length > 0) throw validationFailed(problems);

    const inTargets = (organisationId: string): boolean => {
      if (input.targets === 'all') return true;
      for (let id: string | null | undefined = organisationId; id; id = byId.get(id)?.parentId) if (chosen.includes(id)) return true;
      return false;
    };
    const rules = await activeRuleSet(tx, '', input.fiscalYear);
    const task = await repo.insertTask(tx, {
      fiscalYear: input.fiscalYear,
      title: input.title?.trim() || `${input.fiscalYear} 年绩效运行监控（${cutoffWords(input.cutoffDate)}）`,
      cutoffDate: input.cutoffDate,
      kind: input.kind,
      deadline: input.deadline,
      targets: input.targets,
      targetOrganisationIds: input.targets === 'chosen' ? chosen : [],
      region: rules.region,
      ruleSetVersion: rules.version,
      issuedBy: ctx.principal.userId,
      issuedAt: deps.clock(),
    });

    const declarations = (await repo.findApprovedDeclarations(tx, input.fiscalYear)).filter((entry) =>
      inTargets(entry.declaration.organisationId),
    );
    const departments = organisations.filter((organisation) => organisation.kind === 'department' && inTargets(organisation.id));
    const subjects = [
      ...declarations
        .filter((entry) => entry.declaration.kind === 'project' && entry.declaration.projectId)
        .map((entry) => ({
          kind: 'project' as const,
          organisationId: entry.declaration.organisationId,
          projectId: entry.declaration.projectId,
          declaration: entry.declaration,
          title: entry.declaration.projectName ?? entry.declaration.projectCode ?? '项目',
        })),
      // Every department in scope fills its 部门整体 form, with its approved declaration's indicators if it has one.
      ...departments.map((organisation) => ({
        kind: 'department' as const,
        organisationId: organisation.id,
        projectId: null,
        declaration:
          declarations.find((entry) => entry.declaration.kind === 'department' && entry.declaration.organisationId === organisation.id)
            ?.declaration ?? null,
        title: `${organisation.name}部门整体支出`,
      })),
    ];
    if (subjects.length === 0)
      throw validationFailed([
        {
          path: 'body.organisationIds',
          message: `所选范围内没有 ${input.fiscalYear} 年度已批复绩效目标的项目，也没有部门，无需下发监控任务`,
        },
      ]);
    const rows: repo.FormInsert[] = [];
    for (const subject of subjects) {
      const scope = { organisationId: subject.organisationId, fiscalYear: input.fiscalYear, projectId: subject.projectId };
      const money = await ledgerMoney(tx, scope, input.cutoffDate, subject.declaration);
      const targets = subject.declaration ? await approvedTargetsOf(tx, scope) : undefined;
      const indicators = subject.declaration ? indicatorRows(targets, [], await computedActuals(tx, scope, input.cutoffDate, targets)) : [];
      const figures = { money, indicators, ...(await assess(tx, task, money, indicators)) };
      rows.push({
        taskId: task.id,
        kind: subject.kind,
        organisationId: subject.organisationId,
        declarationId: subject.declaration?.id ?? null,
        projectId: subject.projectId,
        title: subject.title,
        money,
        indicators,
        assessment: storedAssessment(figures),
        light: figures.assessment.light,
        updatedAt: deps.clock(),
      });
    }
    const forms = await repo.insertForms(tx, rows);
    await repo.insertSteps(
      tx,
      forms.map((form) => ({
        formId: form.id,
        action: 'issue',
        fromStatus: null,
        toStatus: 'draft',
        stage: 'finance',
        actorId: ctx.principal.userId,
        at: deps.clock(),
      })),
    );
    await recordAudit(tx, ctx, {
      entityType: 'monitoring-task',
      entityId: task.id,
      action: 'create',
      after: { ...task, kindLabel: monitoring.MONITORING_TASK_KIND_LABEL[task.kind], formCount: forms.length },
    });
    for (const form of forms) {
      await recordAudit(tx, ctx, {
        entityType: 'monitoring-form',
        entityId: form.id,
        action: 'create',
        organisationId: form.organisationId,
        after: { taskId: task.id, title: form.title, kind: form.kind, light: form.light },
      });
    }
    return { task, forms };
  });
}
