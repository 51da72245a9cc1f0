import type { Role } from '@jixiao/contract';
import { control } from '@jixiao/core';
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  assetDisposals,
  assets,
  auditLog,
  budgetLines,
  contractMilestones,
  contracts,
  controlRefusals,
  organisations,
  procurements,
  stocktakeLines,
  stocktakes,
  subsidyFollowUps,
  subsidyGrants,
  subsidyRecipients,
  users,
} from '../src/db/schema.ts';
import { createOrganisation, createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, type TestApp } from './harness.ts';

/**
 * Shared set-up of the procurement, contract, asset and subsidy suites: the demo department's
 * control posts signed in, people holding two posts (to reach the segregation-of-duties rules,
 * which role checks alone would hide), an outsider from another department, and budget lines of
 * the suites' own (the demo's lines belong to the budget module).
 */

async function departmentId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code));
  if (!row) throw new Error(`organisation ${code} missing`);
  return row.id;
}

/** The user, created with the given posts when the demo does not have them. */
async function ensureUser(t: TestApp, username: string, displayName: string, organisationId: string, roles: readonly Role[]) {
  const [existing] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!existing) {
    await createUser(
      t.deps.db,
      { username, displayName, organisationId, password: DEMO_PASSWORD, roles: roles.map((role) => ({ role, organisationId })) },
      t.deps.config.PASSWORD_HASH_COST,
    );
  }
  return login(t.app, username);
}

export async function controlPeople(t: TestApp) {
  const department = await departmentId(t, 'PY-KGSX');
  const bureau = await departmentId(t, 'PY-CZJ');
  const [unit] = await t.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.parentId, department));
  if (!unit) throw new Error('demo units missing');
  const [other] = await t.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, 'TEST-OTHER'));
  const otherId =
    other?.id ??
    (await createOrganisation(t.deps.db, { kind: 'department', code: 'TEST-OTHER', name: '其他部门（测试）', parentId: bureau })).id;
  const user = (username: string, name: string, roles: readonly Role[], organisationId = department) =>
    ensureUser(t, username, name, organisationId, roles);
  return {
    departmentId: department,
    unitId: unit.id,
    otherDepartmentId: otherId,
    requester: await user('requester', '经办人（示例）', ['requester']),
    accountant: await user('accountant', '财务审核（示例）', ['accountant']),
    approver: await user('approver', '审批人（示例）', ['approver']),
    cashier: await user('cashier', '出纳（示例）', ['cashier']),
    assetManager: await user('asset.manager', '资产管理员（示例）', ['asset-manager']),
    head: await login(t.app, 'head'),
    preparer: await login(t.app, 'preparer'),
    /** 经办人 and 审批人 at once: may draft and approve, but not the same procurement. */
    requesterApprover: await user('test.requester-approver', '经办兼审批（测试）', ['requester', 'approver']),
    /** 资产管理员 and 审批人 at once: may request and decide disposals, but not the same one. */
    assetApprover: await user('test.asset-approver', '资产兼审批（测试）', ['asset-manager', 'approver']),
    outsider: await user('test.outsider', '其他部门人员（测试）', ['requester', 'approver', 'asset-manager'], otherId),
  };
}

export type People = Awaited<ReturnType<typeof controlPeople>>;

/** A budget line of the suite's own, created once. */
export async function ensureLine(
  t: TestApp,
  values: { organisationId: string; code: string; name: string; spendingType: 'basic' | 'project'; initialFen: number },
): Promise<string> {
  const [existing] = await t.deps.db
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(and(eq(budgetLines.organisationId, values.organisationId), eq(budgetLines.code, values.code)));
  if (existing) return existing.id;
  const [row] = await t.deps.db
    .insert(budgetLines)
    .values({ ...values, fiscalYear: 2024, fundingSource: '一般公共预算' })
    .returning({ id: budgetLines.id });
  if (!row) throw new Error('budget line insert returned nothing');
  return row.id;
}

/** A valid 统一社会信用代码 (番禺区 division code 440113) from a 9-character organisation code. */
export function uscc(organisationCode: string): string {
  const first17 = `91440113${organisationCode}`;
  const check = control.usccCheckCharacter(first17);
  if (first17.length !== 17 || !check) throw new Error(`bad organisation code ${organisationCode}`);
  return first17 + check;
}

/** The same code with a wrong check character. */
export function wrongCheck(code: string): string {
  const last = code.charAt(17);
  return code.slice(0, 17) + (last === '0' ? '1' : '0');
}

/** Rows of every table these modules write, and the audit log: a refused step must leave them all unchanged. */
export async function writtenRows(t: TestApp) {
  const tables = {
    procurements,
    contracts,
    contractMilestones,
    assets,
    assetDisposals,
    stocktakes,
    stocktakeLines,
    subsidyRecipients,
    subsidyGrants,
    subsidyFollowUps,
    auditLog,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await t.deps.db.select({ value: count() }).from(table);
    counts[name] = Number(row?.value ?? 0);
  }
  return counts;
}

export async function refusalCount(t: TestApp, ruleCode: string): Promise<number> {
  const [row] = await t.deps.db.select({ value: count() }).from(controlRefusals).where(eq(controlRefusals.ruleCode, ruleCode));
  return Number(row?.value ?? 0);
}

/**
 * Sends a step that must be refused by the internal-control rule `code`: 422 with the code in
 * the details, nothing written, and the refusal recorded for the self-assessment.
 */
export async function expectRefused(t: TestApp, code: string, send: () => Promise<LightMyRequestResponse>) {
  const before = await writtenRows(t);
  const refusals = await refusalCount(t, code);
  const response = await send();
  expect(response.statusCode, response.body).toBe(422);
  const body = response.json() as { code: string; message: string; details: { code: string; path: string; message: string }[] };
  expect(body.code).toBe('CONTROL_RULE_VIOLATED');
  expect(body.details.map((detail) => detail.code)).toContain(code);
  expect(await writtenRows(t)).toEqual(before);
  expect(await refusalCount(t, code)).toBe(refusals + 1);
  return body;
}

/** Sends a step that must fail with `status` (400, 403, 404, 409) and write nothing. */
export async function expectRejected(t: TestApp, status: number, send: () => Promise<LightMyRequestResponse>) {
  const before = await writtenRows(t);
  const response = await send();
  expect(response.statusCode, response.body).toBe(status);
  expect(await writtenRows(t)).toEqual(before);
  return response.json() as { code: string; message: string; details: { path: string; message: string }[] | null };
}

export function created(response: LightMyRequestResponse): string {
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** A supplier's valid code, shared by the suites. */
export const SUPPLIER_USCC = uscc('MA59ABC1X');

/** A procurement taken through 需求 → 审批 → 确定供应商 by the demo posts; returns its id. */
export async function awardedProcurement(
  t: TestApp,
  p: People,
  values: { budgetLineId: string; category?: 'goods' | 'services' | 'works'; amount: string },
): Promise<string> {
  const id = created(
    await as(t.app, p.requester).post('/api/procurements', {
      organisationId: p.departmentId,
      budgetLineId: values.budgetLineId,
      title: '测试采购',
      category: values.category ?? 'goods',
      estimated: values.amount,
      method: '限额以下自行采购',
    }),
  );
  const approve = await as(t.app, p.approver).post(`/api/procurements/${id}/approve`, { version: 1 });
  expect(approve.statusCode, approve.body).toBe(200);
  const award = await as(t.app, p.requester).post(`/api/procurements/${id}/award`, {
    version: 2,
    supplierName: '广州示例供应商有限公司',
    supplierUscc: SUPPLIER_USCC,
    result: values.amount,
  });
  expect(award.statusCode, award.body).toBe(200);
  return id;
}

let contractCounter = 0;

/** A contract signed by the 审批人 with two milestones (60 % and 40 %), optionally on a procurement. */
export async function signedContract(
  t: TestApp,
  p: People,
  values: { budgetLineId: string; procurementId?: string; amounts?: readonly [string, string]; amount?: string },
): Promise<{ id: string; milestones: { id: string; version: number; amount: string }[] }> {
  contractCounter += 1;
  const [first, second] = values.amounts ?? ['60000.00', '40000.00'];
  const id = created(
    await as(t.app, p.approver).post('/api/contracts', {
      organisationId: p.departmentId,
      budgetLineId: values.budgetLineId,
      procurementId: values.procurementId,
      code: `T-HT-${contractCounter}`,
      title: '测试合同',
      counterpartyName: '广州示例供应商有限公司',
      counterpartyUscc: SUPPLIER_USCC,
      amount: values.amount ?? '100000.00',
      signedOn: '2024-04-01',
      milestones: [
        { description: '到货验收', amount: first, dueOn: '2024-06-30' },
        { description: '终验', amount: second, dueOn: '2024-12-31' },
      ],
    }),
  );
  const detail = await as(t.app, p.approver).get(`/api/contracts/${id}`);
  return { id, milestones: detail.json().milestones };
}
