import { readFileSync } from 'node:fs';
import type { Role } from '@jixiao/contract';
import { parseWorkbookJson, type Workbook } from '@jixiao/core';
import type { Deps } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { organisations, users } from '../db/schema.ts';
import { replaceContent } from '../evaluations/commands/replace-content.ts';
import * as evaluationRepo from '../evaluations/evaluation.repository.ts';
import { refreshScore } from '../evaluations/evaluation-aggregate.ts';
import { wireModules } from '../modules.ts';
import { createOrganisation, createProject, createUser, ensureFiscalYear, seedIndicatorLibrary } from './builders.ts';
import { seedControlDemo } from './control-demo.ts';
import { seedDemoAdjustments } from './demo-adjustments.ts';
import { type DemoPeople, seedDemoDeclarations } from './demo-declarations.ts';
import { finishReferenceYear } from './demo-finished.ts';
import { seedDemoMonitoring } from './demo-monitoring.ts';
import { seedDemoRectifications } from './demo-rectifications.ts';
import { seedDemoSurveys } from './demo-surveys.ts';
import { seedLibraryHistory } from './library-history.ts';

/** The one demo password, printed at start-up. Demo accounts skip the forced first change so a visitor can look around at once. */
export const DEMO_PASSWORD = 'Jixiao@2025demo';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisation: string;
}

function example(path: string): Workbook {
  const text = readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8');
  const parsed = parseWorkbookJson(text);
  if (!parsed.ok) throw new Error(`example ${path} is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/**
 * The Panyu FY2024 demo: the finance bureau, 广州市番禺区科技工业商务和信息化局 with its 6
 * subordinate units (the reference report gives their number, not their names, so the names are
 * marked 示例), one user per role, fiscal years 2024–2025, the department-wide evaluation
 * transcribed from the reference report, and one project evaluation; then the 绩效目标申报 of the
 * seeding clock's year and the next (demo-declarations.ts), the year's satisfaction survey, collecting
 * on the day the demo starts (demo-surveys.ts), and three 整改 items on the FY2024 sources (demo-rectifications.ts).
 */
export async function seedDemo(deps: Deps, options: { readonly finishReferenceYear?: boolean } = {}): Promise<DemoAccount[]> {
  // The demo scores its evaluations against the ledger it seeds, before any app is built.
  wireModules();
  let people: DemoPeople | undefined;
  const accounts = await deps.db.transaction(async (tx) => {
    const bureau = await createOrganisation(tx, { kind: 'finance-bureau', code: 'PY-CZJ', name: '广州市番禺区财政局' });
    const department = await createOrganisation(tx, {
      kind: 'department',
      code: 'PY-KGSX',
      name: '广州市番禺区科技工业商务和信息化局',
      parentId: bureau.id,
    });
    const unitNames = [
      '科技创新服务中心',
      '中小企业服务中心',
      '商务发展促进中心',
      '信息化服务中心',
      '产业园区服务中心',
      '外贸发展服务中心',
    ];
    const units = [];
    for (const [index, name] of unitNames.entries()) {
      units.push(
        await createOrganisation(tx, {
          kind: 'unit',
          code: `PY-KGSX-${String(index + 1).padStart(2, '0')}`,
          name: `番禺区${name}（示例）`,
          parentId: department.id,
        }),
      );
    }
    const smeCentre = units[1];
    if (!smeCentre) throw new Error('demo units missing');
    await ensureFiscalYear(tx, 2024, { submit: '2025-06-20', review: '2025-06-30', finance: '2025-07-31' });
    await ensureFiscalYear(tx, 2025, { submit: '2026-06-20', review: '2026-06-30', finance: '2026-07-31' });
    await seedIndicatorLibrary(tx);
    await seedLibraryHistory(tx, units);

    const cost = deps.config.PASSWORD_HASH_COST;
    const accounts: (DemoAccount & { organisationId: string; phone?: string })[] = [
      {
        username: 'preparer',
        displayName: '吴晓东',
        role: 'preparer',
        organisation: department.name,
        organisationId: department.id,
        phone: '020-34611158',
      },
      {
        username: 'reviewer',
        displayName: '部门审核人（示例）',
        role: 'department-reviewer',
        organisation: department.name,
        organisationId: department.id,
      },
      {
        username: 'head',
        displayName: '部门负责人（示例）',
        role: 'department-head',
        organisation: department.name,
        organisationId: department.id,
      },
      {
        username: 'finance',
        displayName: '财政审核人（示例）',
        role: 'finance-reviewer',
        organisation: bureau.name,
        organisationId: bureau.id,
      },
      { username: 'admin', displayName: '系统管理员', role: 'admin', organisation: bureau.name, organisationId: bureau.id },
      { username: 'auditor', displayName: '审计查询员（示例）', role: 'auditor', organisation: bureau.name, organisationId: bureau.id },
      {
        username: 'unit.preparer',
        displayName: '单位填报人（示例）',
        role: 'preparer',
        organisation: smeCentre.name,
        organisationId: smeCentre.id,
      },
      // Internal-control posts of the department: each step of a payment by its own person.
      {
        username: 'requester',
        displayName: '经办人（示例）',
        role: 'requester',
        organisation: department.name,
        organisationId: department.id,
      },
      {
        username: 'accountant',
        displayName: '财务审核（示例）',
        role: 'accountant',
        organisation: department.name,
        organisationId: department.id,
      },
      {
        username: 'approver',
        displayName: '审批人（示例）',
        role: 'approver',
        organisation: department.name,
        organisationId: department.id,
      },
      { username: 'cashier', displayName: '出纳（示例）', role: 'cashier', organisation: department.name, organisationId: department.id },
      {
        username: 'asset.manager',
        displayName: '资产管理员（示例）',
        role: 'asset-manager',
        organisation: department.name,
        organisationId: department.id,
      },
    ];
    const userIds = new Map<string, string>();
    for (const account of accounts) {
      const user = await createUser(
        tx,
        {
          username: account.username,
          displayName: account.displayName,
          organisationId: account.organisationId,
          phone: account.phone,
          password: DEMO_PASSWORD,
          roles: [{ role: account.role, organisationId: account.organisationId }],
        },
        cost,
      );
      userIds.set(account.username, user.id);
    }

    const preparer = userIds.get('preparer') ?? null;
    const panyu = await evaluationRepo.insertEvaluation(tx, {
      organisationId: department.id,
      fiscalYear: 2024,
      kind: 'department',
      schemeId: 'department-overall',
      createdBy: preparer,
    });
    await loadContent(tx, panyu.id, example('panyu-2024/panyu-2024.json'), preparer);

    const project = await createProject(tx, {
      organisationId: smeCentre.id,
      fiscalYear: 2024,
      code: 'XM2024-017',
      name: '中小企业数字化转型培训及服务券项目（示例）',
      category: '培训',
      budgetFen: 2_000_000_00,
    });
    const unitPreparer = userIds.get('unit.preparer') ?? null;
    const projectEvaluation = await evaluationRepo.insertEvaluation(tx, {
      organisationId: smeCentre.id,
      fiscalYear: 2024,
      kind: 'project',
      projectId: project.id,
      schemeId: 'mof-2020-project',
      createdBy: unitPreparer,
    });
    await loadContent(tx, projectEvaluation.id, example('project-2024/digital-training-2024.json'), unitPreparer);
    await seedControlDemo(tx, {
      fiscalYear: 2024,
      departmentId: department.id,
      unitIds: units.map((unit) => unit.id),
      users: userIds,
      budgetLines: new Map(),
    });
    // The department evaluation now takes its budget and two actuals from the ledger: score it again.
    await refreshScore(tx, panyu.id);
    people = {
      departmentId: department.id,
      smeCentreId: smeCentre.id,
      users: new Map(accounts.map((account) => [account.username, { ...account, id: userIds.get(account.username) ?? '' }])),
    };
    return accounts.map(({ username, displayName, role, organisation }) => ({ username, displayName, role, organisation }));
  });
  // After the commit: the declarations go through the services, each step a transaction of its own.
  if (people) {
    await seedDemoDeclarations(deps, people);
    await seedDemoAdjustments(deps, people);
    await seedDemoMonitoring(deps, people);
    await seedDemoSurveys(deps, people);
    await seedDemoRectifications(deps, people);
    if (options.finishReferenceYear) await finishReferenceYear(deps, people);
  }
  return accounts;
}

async function loadContent(tx: Queryable, evaluationId: string, workbook: Workbook, preparer: string | null): Promise<void> {
  await replaceContent(tx, evaluationId, workbook);
  if (preparer) await evaluationRepo.addContributor(tx, evaluationId, preparer);
  await refreshScore(tx, evaluationId);
}

/** Whether any account exists: without one, nobody can sign in and the first administrator must be created. */
export async function hasUsers(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}
