import { control } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, paymentRequests, subsidyFollowUps } from '../src/db/schema.ts';
import {
  controlPeople,
  created,
  ensureLine,
  expectRefused,
  expectRejected,
  type People,
  uscc,
  wrongCheck,
} from './control-contracts-fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';

/** 2025-06-01, 10:00 in China: the demo's check due 2025-03-31 is overdue, the one due 2027 is not. */
const NOW = new Date('2025-06-01T02:00:00Z');

let t: TestApp;
let p: People;
let projectLine: string;
let basicLine: string;
let departmentLine: string;

beforeAll(async () => {
  t = await testApp({ clock: () => NOW });
  p = await controlPeople(t);
  // The suite's grants go to a unit, so the department's figures stay the demo's.
  projectLine = await ensureLine(t, {
    organisationId: p.unitId,
    code: 'TEST-UNIT-XM',
    name: '单位产业扶持',
    spendingType: 'project',
    initialFen: 5_000_000_00,
  });
  basicLine = await ensureLine(t, {
    organisationId: p.unitId,
    code: 'TEST-UNIT-JB',
    name: '单位公用经费',
    spendingType: 'basic',
    initialFen: 1_000_000_00,
  });
  departmentLine = await ensureLine(t, {
    organisationId: p.departmentId,
    code: 'TEST-XM',
    name: '部门项目支出',
    spendingType: 'project',
    initialFen: 1_000_000_00,
  });
});
afterAll(() => t.close());

const recipient = (values: { name: string; uscc: string }, session: Session = p.requester) =>
  as(t.app, session).post('/api/subsidies/recipients', { organisationId: p.unitId, contact: '张经理 020-0000XXXX', ...values });

let recipientCounter = 0;
async function newRecipient(): Promise<string> {
  recipientCounter += 1;
  return created(
    await recipient({ name: `测试企业${recipientCounter}`, uscc: uscc(`MA5TEXT${String(recipientCounter).padStart(2, '0')}`) }),
  );
}

const grantBody = (recipientId: string, overrides: Record<string, unknown> = {}) => ({
  organisationId: p.unitId,
  recipientId,
  budgetLineId: projectLine,
  programme: '产业扶持资金',
  amount: '300000.00',
  awardedOn: '2025-01-10',
  dueOn: '2025-02-28',
  conditions: '两年内保持在本区注册经营',
  ...overrides,
});
const grant = (body: Record<string, unknown>, session: Session = p.requester) => as(t.app, session).post('/api/subsidies/grants', body);

interface GrantView {
  paid: string;
  committed: string;
  followUpCounts: Record<string, number>;
  followUps: {
    id: string;
    dueOn: string;
    result: string;
    overdue: boolean;
    version: number;
    performedByName: string | null;
    abnormalOperation: boolean;
  }[];
}

async function grantView(id: string): Promise<GrantView> {
  const response = await as(t.app, p.requester).get(`/api/subsidies/grants/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as GrantView;
}

describe('subsidy recipients (补贴对象)', () => {
  it('registers an enterprise by its code, found by name or code', async () => {
    const code = uscc('MA5RECP01');
    created(await recipient({ name: '广州某测试科技有限公司', uscc: code.toLowerCase() }));
    const list = (await as(t.app, p.cashier).get(`/api/subsidies/recipients?q=${encodeURIComponent('测试科技')}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ name: '广州某测试科技有限公司', uscc: code, grantCount: 0, version: 1 })]);
    expect((await as(t.app, p.cashier).get(`/api/subsidies/recipients?q=${code.slice(0, 12)}`)).json().items).toHaveLength(1);
  });

  it('answers a code registered before with a friendly 400 naming the enterprise', async () => {
    const code = uscc('MA5RECP02');
    created(await recipient({ name: '番禺某先行企业', uscc: code }));
    const again = await expectRejected(t, 400, () => recipient({ name: '另一个名字', uscc: ` ${code.toLowerCase()} ` }));
    expect(again.details).toEqual([{ path: 'body.uscc', message: `统一社会信用代码 ${code} 已登记为“番禺某先行企业”，无需重复登记` }]);
  });

  it('IC_USCC_INVALID: refuses a wrong check character and a wrong length, in Chinese', async () => {
    const code = uscc('MA5RECP03');
    const check = await expectRefused(t, 'IC_USCC_INVALID', () => recipient({ name: '校验位错误企业', uscc: wrongCheck(code) }));
    expect(check.details).toEqual([
      { code: 'IC_USCC_INVALID', path: 'body.uscc', message: '补贴对象的统一社会信用代码校验位不正确', confirmable: false },
    ]);
    const length = await expectRefused(t, 'IC_USCC_INVALID', () => recipient({ name: '位数错误企业', uscc: code.slice(0, 17) }));
    expect(length.message).toBe('补贴对象的统一社会信用代码应为 18 位');
  });

  it('is registered only by an 经办人', async () => {
    const body = await expectRejected(t, 403, () => recipient({ name: '审批人登记', uscc: uscc('MA5RECP04') }, p.approver));
    expect(body.message).toBe('此操作须由经办人执行');
  });
});

describe('grants', () => {
  it('are charged to a 项目支出 line of the unit, and shown with paid, committed and their checks', async () => {
    const id = created(await grant(grantBody(await newRecipient())));
    expect(await grantView(id)).toMatchObject({ paid: '0.00', committed: '0.00', followUps: [], followUpCounts: { total: 0, overdue: 0 } });
    const list = (await as(t.app, p.head).get(`/api/subsidies/grants?fiscalYear=2024&organisationId=${p.unitId}`)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await as(t.app, p.outsider).get(`/api/subsidies/grants/${id}`)).statusCode).toBe(404);
  });

  it('IC_BASIC_PROJECT_MIXED: never from 基本支出', async () => {
    const recipientId = await newRecipient();
    const refusal = await expectRefused(t, 'IC_BASIC_PROJECT_MIXED', () =>
      grant(grantBody(recipientId, { budgetLineId: basicLine, amount: '1000.00' })),
    );
    expect(refusal.details[0]).toMatchObject({
      path: 'body.budgetLineId',
      message: '补贴资金须列支项目支出，“单位公用经费”是基本支出指标',
    });
  });

  it('IC_BALANCE_INSUFFICIENT: never more than the line has left', async () => {
    const recipientId = await newRecipient();
    const refusal = await expectRefused(t, 'IC_BALANCE_INSUFFICIENT', () => grant(grantBody(recipientId, { amount: '5000000.01' })));
    expect(refusal.details[0]).toMatchObject({ path: 'body.amount' });
  });

  it('refuses a due date before the award, another unit’s line, an unknown recipient and other posts', async () => {
    const recipientId = await newRecipient();
    const early = await expectRejected(t, 400, () => grant(grantBody(recipientId, { dueOn: '2025-01-09' })));
    expect(early.details).toEqual([{ path: 'body.dueOn', message: '应拨付日期不能早于批准日期' }]);
    const other = await expectRejected(t, 400, () => grant(grantBody(recipientId, { budgetLineId: departmentLine })));
    expect(other.details?.[0]?.path).toBe('body.budgetLineId');
    const unknown = await expectRejected(t, 400, () => grant(grantBody(crypto.randomUUID())));
    expect(unknown.details).toEqual([{ path: 'body.recipientId', message: '补贴对象不存在' }]);
    await expectRejected(t, 403, () => grant(grantBody(recipientId), p.cashier));
  });
});

describe('事后跟踪检查 (follow-up checks)', () => {
  let grantId: string;
  const followUp = (dueOn: string, session: Session = p.requester) =>
    as(t.app, session).post(`/api/subsidies/grants/${grantId}/follow-ups`, { dueOn });
  const record = (id: string, body: Record<string, unknown>, session: Session = p.approver) =>
    as(t.app, session).post(`/api/subsidies/follow-ups/${id}/result`, { version: 1, result: 'normal', performedOn: '2025-05-30', ...body });
  const overdueIds = async () =>
    (
      (await as(t.app, p.requester).get(`/api/subsidies/follow-ups/overdue?organisationId=${p.unitId}`)).json() as {
        items: { id: string }[];
      }
    ).items.map((item) => item.id);

  beforeAll(async () => {
    grantId = created(await grant(grantBody(await newRecipient())));
  });

  it('lists as overdue only pending checks past their due date (China time), for warning', async () => {
    const yesterday = created(await followUp('2025-05-31'));
    const today = created(await followUp('2025-06-01'));
    created(await followUp('2025-07-01'));
    const response = (await as(t.app, p.head).get(`/api/subsidies/follow-ups/overdue?organisationId=${p.unitId}`)).json() as {
      today: string;
      items: { id: string; daysOverdue: number; recipientName: string; grantAmount: string; overdue: boolean }[];
    };
    expect(response.today).toBe('2025-06-01');
    expect(response.items.filter((item) => item.id === yesterday || item.id === today)).toEqual([
      expect.objectContaining({ id: yesterday, daysOverdue: 1, grantAmount: '300000.00', overdue: true }),
    ]);
    expect((await grantView(grantId)).followUpCounts).toMatchObject({ total: 3, pending: 3, overdue: 1 });
    const early = await expectRejected(t, 400, () => followUp('2025-01-01'));
    expect(early.details).toEqual([{ path: 'body.dueOn', message: '检查期限不能早于补贴批准日期' }]);
    await expectRejected(t, 403, () => followUp('2025-08-01', p.cashier));
  });

  it('records a result once, by the user who performed it, with 经营异常 flagged and explained', async () => {
    const id = created(await followUp('2025-05-15'));
    const mixed = await expectRejected(t, 400, () => record(id, { abnormalOperation: true }));
    expect(mixed.details).toEqual([{ path: 'body.result', message: '发现经营异常时，检查结果应为“异常”' }]);
    const silent = await expectRejected(t, 400, () =>
      record(id, { result: 'abnormal', abnormalOperation: true, performedOn: '2025-06-02' }),
    );
    expect(silent.details).toEqual([
      { path: 'body.finding', message: '检查结果异常须写明发现的问题' },
      { path: 'body.performedOn', message: '检查日期不能晚于今天' },
    ]);
    await expectRejected(t, 403, () => record(id, {}, p.cashier));
    await expectRejected(t, 404, () => record(id, {}, p.outsider));
    await expectRejected(t, 409, () => record(id, { version: 2 }));
    const done = await record(id, { result: 'abnormal', abnormalOperation: true, finding: '企业被列入经营异常名录（住所无法联系）' });
    expect(done.statusCode, done.body).toBe(200);
    const check = (done.json() as GrantView).followUps.find((entry) => entry.id === id);
    expect(check).toMatchObject({
      result: 'abnormal',
      abnormalOperation: true,
      performedByName: '审批人（示例）',
      overdue: false,
      version: 2,
    });
    expect(await overdueIds()).not.toContain(id);
    const again = await expectRejected(t, 409, () => record(id, { version: 2 }));
    expect(again.message).toBe('跟踪检查处于“异常”状态，不能再次登记结果');
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id).offset(1);
    expect(entry).toMatchObject({ action: 'record', after: { result: 'abnormal', abnormalOperation: true } });
    const [row] = await t.deps.db.select().from(subsidyFollowUps).where(eq(subsidyFollowUps.id, id));
    expect(row?.performedBy).toBe(p.approver.userId);
  });

  it('summarises awarded, paid (paid or archived requests) and the checks', async () => {
    const request = (status: 'requested' | 'paid' | 'archived' | 'rejected', amountFen: number) => ({
      organisationId: p.unitId,
      budgetLineId: projectLine,
      grantId,
      payeeName: '测试企业',
      amountFen,
      purpose: '补贴拨付',
      expenseType: 'project' as const,
      status,
      requestedBy: p.requester.userId,
    });
    await t.deps.db
      .insert(paymentRequests)
      .values([
        request('paid', 100_000_00),
        request('archived', 50_000_00),
        request('requested', 30_000_00),
        request('rejected', 10_000_00),
      ]);
    expect(await grantView(grantId)).toMatchObject({ paid: '150000.00', committed: '30000.00' });
    const summary = (await as(t.app, p.head).get(`/api/subsidies/summary?organisationId=${p.unitId}`)).json();
    expect(summary).toMatchObject({ today: '2025-06-01', paid: '150000.00', committed: '30000.00' });
    expect(summary.followUps).toMatchObject({ abnormal: 1, abnormalOperation: 1, done: 1 });
  });
});

describe('the demo', () => {
  it('has four recipients with valid codes, grants on 产业发展扶持资金 and one overdue, one abnormal check', async () => {
    const recipients = (await as(t.app, p.requester).get(`/api/subsidies/recipients?q=${encodeURIComponent('（示例）')}`)).json().items as {
      uscc: string;
    }[];
    expect(recipients.length).toBeGreaterThanOrEqual(4);
    expect(recipients.every((entry) => control.validateUscc(entry.uscc).ok)).toBe(true);
    const summary = (await as(t.app, p.head).get(`/api/subsidies/summary?fiscalYear=2024&organisationId=${p.departmentId}`)).json();
    expect(summary).toEqual({
      today: '2025-06-01',
      grantCount: 4,
      awarded: '7000000.00',
      paid: summary.paid,
      committed: '0.00',
      followUps: { total: 5, done: 3, pending: 2, overdue: 1, abnormal: 1, abnormalOperation: 1 },
    });
    const overdue = (await as(t.app, p.head).get(`/api/subsidies/follow-ups/overdue?organisationId=${p.departmentId}`)).json();
    expect(overdue.items).toEqual([
      expect.objectContaining({ recipientName: '番禺某电子有限公司（示例）', dueOn: '2025-03-31', daysOverdue: 62 }),
    ]);
    const grants = (await as(t.app, p.head).get(`/api/subsidies/grants?organisationId=${p.departmentId}`)).json().items as {
      budgetLineCode: string;
    }[];
    expect(new Set(grants.map((entry) => entry.budgetLineCode))).toEqual(new Set(['KGSX-XM-CYFC']));
  });
});

// Last: its payment request would change the unit's committed figure the summary above asserts.
describe('paying a grant (补贴拨付)', () => {
  const pay = (grantId: string, payee: { payeeName: string; payeeUscc?: string }) =>
    as(t.app, p.requester).post('/api/payments', {
      budgetLineId: projectLine,
      grantId,
      ...payee,
      amount: '1000.00',
      purpose: '补贴拨付',
      expenseType: 'project',
    });

  it('IC_PAYEE_NOT_COUNTERPARTY: pays the recipient, its name compared as a contract counterparty’s (width, spaces, case)', async () => {
    const code = uscc('MA5PAYE01');
    const recipientId = created(await recipient({ name: 'ABC农业合作社（示范）', uscc: code }));
    const grantId = created(await grant(grantBody(recipientId)));
    created(await pay(grantId, { payeeName: 'ａｂｃ农业 合作社(示范)', payeeUscc: code.toLowerCase() }));
    const refusal = await expectRefused(t, 'IC_PAYEE_NOT_COUNTERPARTY', () => pay(grantId, { payeeName: '另一家合作社' }));
    expect(refusal.details).toEqual([
      {
        code: 'IC_PAYEE_NOT_COUNTERPARTY',
        path: 'body.payeeName',
        message: '收款人“另一家合作社”不是补贴对象“ABC农业合作社（示范）”',
        confirmable: false,
      },
    ]);
  });
});
