import { readFileSync } from 'node:fs';
import { parseWorkbookJson, workflow } from '@jixiao/core';
import { and, eq, like } from 'drizzle-orm';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { organisations, userRoles, users } from '../db/schema.ts';
import { replaceContent } from '../evaluations/commands/replace-content.ts';
import * as evaluationRepo from '../evaluations/evaluation.repository.ts';
import { ledgerSnapshotOf, loadAggregate, refreshScore } from '../evaluations/evaluation-aggregate.ts';
import { wireModules } from '../modules.ts';
import { publishReport } from '../reports/publish.ts';
import { createOrganisation, createProject } from './builders.ts';

/**
 * Further departments of 番禺区 for the overview (总览): illustrative names and figures, all marked
 * （示例）. Each department gets units and FY2024 project evaluations in every workflow state, built
 * from the demo's project workbook with varied execution, actuals and the usual anomalies (a cost
 * indicator written as ≥, an actual of 0 unexplained, low execution without a reason). The content
 * goes through the evaluations' own `replaceContent` and scorer, so the cached scores are the
 * scorer's; handed-in ones carry their snapshot as a submission would.
 */
const DEPARTMENTS = [
  '教育局',
  '卫生健康局',
  '民政局',
  '文化广电旅游体育局',
  '交通运输局',
  '住房和城乡建设局',
  '水务局',
  '农业农村局',
  '城市管理和综合执法局',
  '人力资源和社会保障局',
  '市场监督管理局',
  '应急管理局',
  '司法局',
  '退役军人事务局',
  '医疗保障局',
];
const UNITS = ['综合服务中心', '事务中心', '发展中心', '保障中心'];
const PROJECTS = ['专项服务', '能力提升', '设施维护', '惠民补助'];
const STATUSES: readonly workflow.EvaluationStatus[] = [
  'draft',
  'submitted',
  'department_approved',
  'finance_approved',
  'published',
  'returned',
];
/**
 * A year whose review has closed: every evaluation went through 财政复核 and was published. Each published
 * one is frozen through the same publication step as a real one (report and 自评表), so the public site
 * lists the district too; its PDF is rendered on first download, as for every published report.
 */
const FINISHED_STATUSES: readonly workflow.EvaluationStatus[] = ['published'];
/** Execution in percent, cycled: most spend well, some fall below 90 % or 80 %. */
const RATES = [100, 97, 93, 88, 76, 99, 95, 62];

type Json = Record<string, unknown> & { indicators: Record<string, unknown>[]; budget: Record<string, unknown> };

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

function variant(template: Json, serial: number, names: { unit: string; project: string; code: string }, budgetFen: number) {
  const workbook = structuredClone(template);
  workbook.organisation = { ...(workbook.organisation as object), name: names.unit };
  workbook.project = { ...(workbook.project as object), name: names.project, code: names.code, unit: names.unit };
  const rate = RATES[serial % RATES.length] ?? 100;
  const executedFen = Math.floor((budgetFen * rate) / 100);
  workbook.budget = {
    initial: yuan(budgetFen),
    carryOver: '0.00',
    adjusted: yuan(budgetFen),
    executed: yuan(executedFen),
    ...(rate < 90 && serial % 3 !== 0 ? { executionReason: '部分支出按合同进度在次年支付（示例）' } : {}),
  };
  workbook.indicators = workbook.indicators.map((indicator) => {
    const line = { ...indicator };
    if (line.id === 'O1') line.actual = String(8 + (serial % 5)); // 8–12 期 of 12
    if (line.id === 'O7' && serial % 7 === 0) line.direction = '>=';
    if (line.id === 'O2' && serial % 9 === 0) {
      line.actual = '0';
      delete line.deviationReason;
    }
    return line;
  });
  const parsed = parseWorkbookJson(JSON.stringify(workbook));
  if (!parsed.ok) throw new Error(`district workbook ${names.code} is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/**
 * Adds `departments` departments (cycling the names above, numbered past 15) under the demo's finance
 * bureau; run again, it adds further ones after those already there.
 */
export async function seedDistrict(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: { readonly departments: number; readonly finished?: boolean },
): Promise<{ evaluations: number }> {
  const statuses = options.finished ? FINISHED_STATUSES : STATUSES;
  const template = JSON.parse(
    readFileSync(new URL('../../../../examples/project-2024/digital-training-2024.json', import.meta.url), 'utf8'),
  ) as Json;
  wireModules();
  let serial = 0;
  await deps.db.transaction(async (tx) => {
    const [bureau] = await tx.select().from(organisations).where(eq(organisations.code, 'PY-CZJ'));
    if (!bureau) throw new Error('seedDistrict needs the demo (finance bureau PY-CZJ)');
    const publisher = await bureauPublisher(tx, bureau.id);
    const existing = (await tx.select({ id: organisations.id }).from(organisations).where(like(organisations.code, 'PY-D____'))).length;
    for (let d = existing; d < existing + options.departments; d += 1) {
      const base = DEPARTMENTS[d % DEPARTMENTS.length] ?? '部门';
      const round = Math.floor(d / DEPARTMENTS.length);
      const name = `广州市番禺区${base}${round > 0 ? round + 1 : ''}（示例）`;
      const code = `PY-D${String(d + 1).padStart(4, '0')}`;
      const department = await createOrganisation(tx, { kind: 'department', code, name, parentId: bureau.id });
      for (let u = 0; u < UNITS.length; u += 1) {
        const unitName = `${name.replace('（示例）', '')}${UNITS[u]}（示例）`;
        const unit = await createOrganisation(tx, { kind: 'unit', code: `${code}-${u + 1}`, name: unitName, parentId: department.id });
        for (let p = 0; p < (u % 2 === 0 ? 4 : 3); p += 1) {
          serial += 1;
          await seedProject(tx, deps, publisher, template, serial, {
            unit,
            projectName: `${base}${PROJECTS[p]}项目（示例）`,
            code: `${code}-${u + 1}-${p + 1}`,
            status: statuses[serial % statuses.length] ?? 'draft',
          });
        }
      }
    }
  });
  return { evaluations: serial };
}

/** The bureau's finance reviewer, in whose name the district's published evaluations are frozen (and audited). */
async function bureauPublisher(tx: Queryable, bureauId: string): Promise<RequestContext> {
  const [user] = await tx
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'finance-reviewer'), eq(userRoles.organisationId, bureauId)))
    .orderBy(users.username)
    .limit(1);
  if (!user) throw new Error('seedDistrict needs a finance reviewer of the finance bureau PY-CZJ to publish');
  return {
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      organisationId: bureauId,
      roles: [{ role: 'finance-reviewer', organisationId: bureauId }],
      sessionId: 'demo-seed',
      csrfToken: '',
      mustChangePassword: false,
    },
    requestId: 'demo-seed',
    ip: '127.0.0.1',
  };
}

async function seedProject(
  tx: Queryable,
  deps: Pick<Deps, 'clock'>,
  publisher: RequestContext,
  template: Json,
  serial: number,
  names: { unit: { id: string; name: string }; projectName: string; code: string; status: workflow.EvaluationStatus },
) {
  const budgetFen = (50 + ((serial * 37) % 450)) * 10_000_00;
  const project = await createProject(tx, {
    organisationId: names.unit.id,
    fiscalYear: 2024,
    code: names.code,
    name: names.projectName,
    category: '其他',
    budgetFen,
  });
  const evaluation = await evaluationRepo.insertEvaluation(tx, {
    organisationId: names.unit.id,
    fiscalYear: 2024,
    kind: 'project',
    projectId: project.id,
    schemeId: 'mof-2020-project',
  });
  await replaceContent(
    tx,
    evaluation.id,
    variant(template, serial, { unit: names.unit.name, project: names.projectName, code: names.code }, budgetFen),
  );
  await refreshScore(tx, evaluation.id);
  const status = names.status;
  if (status !== 'draft') {
    if (!workflow.isEditable(status)) {
      const row = await evaluationRepo.getEvaluation(tx, evaluation.id);
      if (row)
        await evaluationRepo.saveLedgerSnapshot(
          tx,
          evaluation.id,
          ledgerSnapshotOf(await loadAggregate(tx, row, deps.clock()), deps.clock()),
        );
    }
    await evaluationRepo.setEvaluationStatus(tx, evaluation.id, status);
    if (status === 'published') {
      const row = await evaluationRepo.getEvaluation(tx, evaluation.id);
      if (row) await publishReport(tx, publisher, await loadAggregate(tx, row, deps.clock()));
    }
  }
}
