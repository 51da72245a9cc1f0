import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractMilestones, contracts, controlRefusals, paymentRequests } from '../src/db/schema.ts';
import { createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Record<'requester' | 'accountant' | 'approver' | 'cashier' | 'head', Session>;
let department: string;

beforeAll(async () => {
  t = await testApp();
  const [requester, accountant, approver, cashier, head] = await Promise.all(
    ['requester', 'accountant', 'approver', 'cashier', 'head'].map((name) => login(t.app, name)),
  );
  if (!requester || !accountant || !approver || !cashier || !head) throw new Error('login');
  s = { requester, accountant, approver, cashier, head };
  department = (await as(t.app, accountant).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
});
afterAll(() => t.close());

let lineCounter = 0;
async function newLine(initial: string, spendingType: 'basic' | 'project' = 'project'): Promise<string> {
  lineCounter += 1;
  const response = await as(t.app, s.accountant).post('/api/budget-lines', {
    organisationId: department,
    fiscalYear: 2024,
    code: `T-${lineCounter}`,
    name: `测试指标${lineCounter}`,
    spendingType,
    fundingSource: '一般公共预算',
    initial,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const request = (session: Session, body: Record<string, unknown>) =>
  as(t.app, session).post('/api/payments', { payeeName: '广州某科技有限公司', purpose: '测试支付', expenseType: 'project', ...body });
const paymentCount = async () => Number((await t.deps.db.select({ value: count() }).from(paymentRequests))[0]?.value ?? 0);
const codesOf = (response: { json(): { details?: { code: string }[] } }) => (response.json().details ?? []).map((detail) => detail.code);

async function contractOn(budgetLineId: string, amountFen: number, acceptedFen: number) {
  const [contract] = await t.deps.db
    .insert(contracts)
    .values({
      organisationId: department,
      budgetLineId,
      code: `HT-${budgetLineId.slice(0, 8)}`,
      title: '测试合同',
      counterpartyName: '广州某科技有限公司',
      counterpartyUscc: '91350100M000100Y43',
      amountFen,
      signedOn: '2024-03-01',
      signedBy: s.approver.userId,
    })
    .returning();
  if (!contract) throw new Error('contract');
  const [accepted, open] = await t.deps.db
    .insert(contractMilestones)
    .values([
      {
        contractId: contract.id,
        seq: 1,
        description: '首期交付',
        amountFen: acceptedFen,
        dueOn: '2024-06-30',
        acceptedAt: new Date('2024-06-20T10:00:00+08:00'),
        acceptedBy: s.requester.userId,
      },
      { contractId: contract.id, seq: 2, description: '终验', amountFen: amountFen - acceptedFen, dueOn: '2024-12-31' },
    ])
    .returning();
  return { contract, accepted, open };
}

describe('a payment through every post: 申请 → 审核 → 审批 → 支付 → 归档', () => {
  it('moves the ledger: committed while open, paid once paid', async () => {
    const line = await newLine('100000.00');
    const created = await request(s.requester, { budgetLineId: line, amount: '30000.00', invoiceNumber: 'INV-1', dueOn: '2024-12-31' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const position = async () => (await as(t.app, s.accountant).get(`/api/budget-lines/${line}`)).json();
    expect(await position()).toMatchObject({ committed: '30000.00', paid: '0.00', available: '70000.00' });
    let version = created.json().version;
    for (const [session, stepName, body] of [
      [s.accountant, 'review', {}],
      [s.approver, 'approve', {}],
      [s.cashier, 'pay', { paidOn: '2024-12-20' }],
      [s.accountant, 'archive', {}],
    ] as const) {
      const response = await as(t.app, session).post(`/api/payments/${id}/${stepName}`, { version, ...body });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
    }
    const done = (await as(t.app, s.accountant).get(`/api/payments/${id}`)).json();
    expect(done).toMatchObject({
      status: 'archived',
      requestedBy: '经办人（示例）',
      reviewedBy: '财务审核（示例）',
      approvedBy: '审批人（示例）',
      paidBy: '出纳（示例）',
      paidOn: '2024-12-20',
    });
    expect(await position()).toMatchObject({ committed: '0.00', paid: '30000.00', available: '70000.00' });
  });

  it('refuses a step out of order and a stale version', async () => {
    const line = await newLine('1000.00');
    const created = (await request(s.requester, { budgetLineId: line, amount: '100.00' })).json();
    const early = await as(t.app, s.cashier).post(`/api/payments/${created.id}/pay`, { version: created.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('支付申请处于“已申请”状态，不能支付');
    await as(t.app, s.accountant).post(`/api/payments/${created.id}/review`, { version: created.version });
    const stale = await as(t.app, s.approver).post(`/api/payments/${created.id}/approve`, { version: created.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('lets only the right post take each step', async () => {
    const line = await newLine('1000.00');
    expect((await request(s.accountant, { budgetLineId: line, amount: '10.00' })).json().message).toBe('此操作须由经办人执行');
    const created = (await request(s.requester, { budgetLineId: line, amount: '10.00' })).json();
    expect((await as(t.app, s.cashier).post(`/api/payments/${created.id}/review`, { version: created.version })).statusCode).toBe(403);
  });
});

describe('every control rule, refused with its code and nothing written', () => {
  it('IC_BALANCE_INSUFFICIENT: the available balance never goes negative, to the fen', async () => {
    const line = await newLine('1000.00');
    expect((await request(s.requester, { budgetLineId: line, amount: '600.00' })).statusCode).toBe(201);
    const before = await paymentCount();
    const refused = await request(s.requester, { budgetLineId: line, amount: '400.01' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'CONTROL_RULE_VIOLATED',
      message: '可用余额不足：预算 1,000.00 元 − 已支付 0.00 元 − 已占用 600.00 元 = 可用 400.00 元，本次 400.01 元',
    });
    expect(codesOf(refused)).toEqual(['IC_BALANCE_INSUFFICIENT']);
    expect(await paymentCount()).toBe(before);
    expect((await request(s.requester, { budgetLineId: line, amount: '400.00' })).statusCode).toBe(201);
  });

  it('a signed contract reserves its unpaid amount: other spending cannot take it', async () => {
    const line = await newLine('100000.00');
    await contractOn(line, 80_000_00, 30_000_00);
    const position = (await as(t.app, s.accountant).get(`/api/budget-lines/${line}`)).json();
    expect(position).toMatchObject({ committed: '80000.00', available: '20000.00' });
    expect(codesOf(await request(s.requester, { budgetLineId: line, amount: '20000.01' }))).toEqual(['IC_BALANCE_INSUFFICIENT']);
    expect((await request(s.requester, { budgetLineId: line, amount: '20000.00' })).statusCode).toBe(201);
  });

  it('IC_BASIC_PROJECT_MIXED: basic and project spending are never used for each other', async () => {
    const line = await newLine('1000.00', 'basic');
    const refused = await request(s.requester, { budgetLineId: line, amount: '10.00', expenseType: 'project' });
    expect(codesOf(refused)).toEqual(['IC_BASIC_PROJECT_MIXED']);
  });

  it('IC_CONTRACT_REQUIRED, IC_PAYEE_NOT_COUNTERPARTY, IC_EXCEEDS_CONTRACT_UNPAID, IC_EXCEEDS_ACCEPTED', async () => {
    const line = await newLine('1000000.00');
    expect(codesOf(await request(s.requester, { budgetLineId: line, amount: '50000.00' }))).toEqual(['IC_CONTRACT_REQUIRED']);
    const { contract } = await contractOn(line, 200_000_00, 80_000_00);
    expect(
      codesOf(await request(s.requester, { budgetLineId: line, contractId: contract.id, amount: '50000.00', payeeName: '另一家公司' })),
    ).toEqual(['IC_PAYEE_NOT_COUNTERPARTY']);
    expect(codesOf(await request(s.requester, { budgetLineId: line, contractId: contract.id, amount: '80000.01' }))).toEqual([
      'IC_EXCEEDS_ACCEPTED',
    ]);
    expect(codesOf(await request(s.requester, { budgetLineId: line, contractId: contract.id, amount: '200000.01' }))).toEqual([
      'IC_EXCEEDS_CONTRACT_UNPAID',
      'IC_EXCEEDS_ACCEPTED',
    ]);
    expect((await request(s.requester, { budgetLineId: line, contractId: contract.id, amount: '80000.00' })).statusCode).toBe(201);
    expect(codesOf(await request(s.requester, { budgetLineId: line, contractId: contract.id, amount: '0.01' }))).toEqual([
      'IC_EXCEEDS_ACCEPTED',
    ]);
  });

  it('IC_NOT_ACCEPTED: a milestone is paid only after its acceptance', async () => {
    const line = await newLine('1000000.00');
    const { contract, open } = await contractOn(line, 200_000_00, 200_000_00 - 1);
    const refused = await request(s.requester, { budgetLineId: line, contractId: contract.id, milestoneId: open?.id, amount: '0.01' });
    expect(codesOf(refused)).toContain('IC_NOT_ACCEPTED');
  });

  it('IC_USCC_INVALID: a payee code must pass GB 32100-2015', async () => {
    const line = await newLine('1000.00');
    const refused = await request(s.requester, { budgetLineId: line, amount: '10.00', payeeUscc: '91350100M000100Y44' });
    expect(refused.json().details).toEqual([
      { code: 'IC_USCC_INVALID', path: 'body.payeeUscc', message: '统一社会信用代码校验位不正确', confirmable: false },
    ]);
  });

  it('IC_DUPLICATE_SUSPECTED: same payee, amount and invoice is held until confirmed', async () => {
    const line = await newLine('10000.00');
    const body = { budgetLineId: line, amount: '1234.56', invoiceNumber: 'FP-0001' };
    expect((await request(s.requester, body)).statusCode).toBe(201);
    const held = await request(s.requester, body);
    expect(held.statusCode).toBe(422);
    expect(held.json().details[0]).toMatchObject({ code: 'IC_DUPLICATE_SUSPECTED', confirmable: true });
    const confirmed = await request(s.requester, { ...body, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('IC_COLLECTIVE_DECISION_REQUIRED and IC_SOD_COUNTERSIGNER: large approvals need a collective decision or a third person', async () => {
    const line = await newLine('5000000.00');
    const { contract } = await contractOn(line, 2_000_000_00, 2_000_000_00);
    const created = (await request(s.requester, { budgetLineId: line, contractId: contract.id, amount: '1000000.00' })).json();
    const reviewed = (await as(t.app, s.accountant).post(`/api/payments/${created.id}/review`, { version: created.version })).json();
    const bare = await as(t.app, s.approver).post(`/api/payments/${created.id}/approve`, { version: reviewed.version });
    expect(codesOf(bare)).toEqual(['IC_COLLECTIVE_DECISION_REQUIRED']);
    const selfSigned = await as(t.app, s.approver).post(`/api/payments/${created.id}/approve`, {
      version: reviewed.version,
      countersignedBy: s.requester.userId,
    });
    expect(codesOf(selfSigned)).toEqual(['IC_SOD_COUNTERSIGNER']);
    const countersigned = await as(t.app, s.approver).post(`/api/payments/${created.id}/approve`, {
      version: reviewed.version,
      countersignedBy: s.head.userId,
    });
    expect(countersigned.statusCode, countersigned.body).toBe(200);
    expect(countersigned.json().countersignedBy).toBe('部门负责人（示例）');
  });

  it('IC_SOD_REQUESTER_REVIEWER, IC_SOD_REQUESTER_APPROVER, IC_SOD_APPROVER_PAYER: one person, one step', async () => {
    const grant = (roles: string[]) => roles.map((role) => ({ role: role as 'requester', organisationId: department }));
    await createUser(
      t.deps.db,
      {
        username: 'all.in.one',
        displayName: '一人多岗',
        organisationId: department,
        password: DEMO_PASSWORD,
        roles: grant(['requester', 'accountant', 'approver', 'cashier']),
      },
      10,
    );
    const solo = await login(t.app, 'all.in.one');
    const line = await newLine('1000.00');
    const created = (await request(solo, { budgetLineId: line, amount: '10.00' })).json();
    expect(codesOf(await as(t.app, solo).post(`/api/payments/${created.id}/review`, { version: created.version }))).toEqual([
      'IC_SOD_REQUESTER_REVIEWER',
    ]);
    const reviewed = (await as(t.app, s.accountant).post(`/api/payments/${created.id}/review`, { version: created.version })).json();
    expect(codesOf(await as(t.app, solo).post(`/api/payments/${created.id}/approve`, { version: reviewed.version }))).toEqual([
      'IC_SOD_REQUESTER_APPROVER',
    ]);
    const other = (await request(s.requester, { budgetLineId: line, amount: '10.00' })).json();
    const otherReviewed = (await as(t.app, s.accountant).post(`/api/payments/${other.id}/review`, { version: other.version })).json();
    const approved = (await as(t.app, solo).post(`/api/payments/${other.id}/approve`, { version: otherReviewed.version })).json();
    expect(
      codesOf(await as(t.app, solo).post(`/api/payments/${other.id}/pay`, { version: approved.version, paidOn: '2024-12-01' })),
    ).toEqual(['IC_SOD_APPROVER_PAYER']);
  });

  it('records every refusal as evidence for the self-assessment', async () => {
    const refusals = await t.deps.db.select().from(controlRefusals);
    expect(new Set(refusals.map((row) => row.ruleCode))).toEqual(
      new Set([
        'IC_BALANCE_INSUFFICIENT',
        'IC_BASIC_PROJECT_MIXED',
        'IC_CONTRACT_REQUIRED',
        'IC_PAYEE_NOT_COUNTERPARTY',
        'IC_EXCEEDS_CONTRACT_UNPAID',
        'IC_EXCEEDS_ACCEPTED',
        'IC_NOT_ACCEPTED',
        'IC_USCC_INVALID',
        'IC_DUPLICATE_SUSPECTED',
        'IC_COLLECTIVE_DECISION_REQUIRED',
        'IC_SOD_COUNTERSIGNER',
        'IC_SOD_REQUESTER_REVIEWER',
        'IC_SOD_REQUESTER_APPROVER',
        'IC_SOD_APPROVER_PAYER',
      ]),
    );
  });
});

describe('budget adjustments and plans', () => {
  it('IC_ADJUSTMENT_APPROVAL and IC_ADJUSTMENT_BELOW_SPENT: adjusted only by someone else, never below what is spent', async () => {
    const line = await newLine('1000.00');
    expect((await request(s.requester, { budgetLineId: line, amount: '700.00' })).statusCode).toBe(201);
    const cut = (
      await as(t.app, s.head).post(`/api/budget-lines/${line}/adjustments`, { amount: '-400.00', reason: '压减一般性支出' })
    ).json();
    expect(codesOf(await as(t.app, s.head).post(`/api/budget-adjustments/${cut.id}/decision`, { approve: true }))).toEqual([
      'IC_ADJUSTMENT_APPROVAL',
    ]);
    expect(codesOf(await as(t.app, s.approver).post(`/api/budget-adjustments/${cut.id}/decision`, { approve: true }))).toEqual([
      'IC_ADJUSTMENT_BELOW_SPENT',
    ]);
    const small = (
      await as(t.app, s.accountant).post(`/api/budget-lines/${line}/adjustments`, { amount: '-300.00', reason: '压减' })
    ).json();
    expect(
      (await as(t.app, s.approver).post(`/api/budget-adjustments/${small.id}/decision`, { approve: true, comment: '同意' })).statusCode,
    ).toBe(200);
    const detailView = (await as(t.app, s.accountant).get(`/api/budget-lines/${line}`)).json();
    expect(detailView).toMatchObject({ budget: '700.00', adjustments: '-300.00', available: '0.00' });
    expect(detailView.adjustmentHistory.map((entry: { status: string }) => entry.status)).toEqual(['requested', 'approved']);
  });

  it('refuses a payment plan above the budget, naming the months', async () => {
    const line = await newLine('1200.00');
    const { version } = (await as(t.app, s.accountant).get(`/api/budget-lines/${line}`)).json();
    const over = await as(t.app, s.accountant).put(`/api/budget-lines/${line}/plan`, { version, months: Array(12).fill('100.01') });
    expect(over.json().details).toEqual([{ path: 'body.months', message: '用款计划合计 1,200.12 元超过预算 1,200.00 元' }]);
    expect(
      (await as(t.app, s.accountant).put(`/api/budget-lines/${line}/plan`, { version, months: Array(12).fill('100.00') })).statusCode,
    ).toBe(200);
  });

  it('refuses a payment date outside the line’s year', async () => {
    const line = await newLine('1000.00');
    let payment = (await request(s.requester, { budgetLineId: line, amount: '10.00' })).json();
    payment = (await as(t.app, s.accountant).post(`/api/payments/${payment.id}/review`, { version: payment.version })).json();
    payment = (await as(t.app, s.approver).post(`/api/payments/${payment.id}/approve`, { version: payment.version })).json();
    const late = await as(t.app, s.cashier).post(`/api/payments/${payment.id}/pay`, { version: payment.version, paidOn: '2025-01-05' });
    expect(late.json().details).toEqual([
      { path: 'body.paidOn', message: '支付日期 2025-01-05 不在预算指标的年度 2024 内（跨年度支出应通过结转处理）' },
    ]);
  });
});

describe('concurrency', () => {
  it('two requests racing for the last of a budget line never overspend it', async () => {
    // Below the contract threshold, so the balance is the only rule in play.
    const line = await newLine('50000.00');
    const results = await Promise.all([
      request(s.requester, { budgetLineId: line, amount: '30000.00', invoiceNumber: 'A' }),
      request(s.requester, { budgetLineId: line, amount: '30000.00', invoiceNumber: 'B' }),
    ]);
    expect(results.map((response) => response.statusCode).sort()).toEqual([201, 422]);
    const position = (await as(t.app, s.accountant).get(`/api/budget-lines/${line}`)).json();
    expect(position).toMatchObject({ committed: '30000.00', available: '20000.00' });
  });

  it('ten requests racing for one line: exactly as many as fit get through', async () => {
    const line = await newLine('100000.00');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        request(s.requester, { budgetLineId: line, amount: '20000.00', invoiceNumber: `R${index}` }),
      ),
    );
    expect(results.filter((response) => response.statusCode === 201)).toHaveLength(5);
    expect(
      results.filter((response) => response.statusCode === 422).every((response) => codesOf(response).includes('IC_BALANCE_INSUFFICIENT')),
    ).toBe(true);
    const rows = await t.deps.db.select().from(paymentRequests).where(eq(paymentRequests.budgetLineId, line));
    expect(rows.reduce((sum, row) => sum + row.amountFen, 0)).toBe(100_000_00);
  });
});
