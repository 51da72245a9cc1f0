import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, paymentRequests } from '../src/db/schema.ts';
import {
  controlPeople,
  ensureLine,
  expectRefused,
  expectRejected,
  type People,
  SUPPLIER_USCC,
  signedContract,
} from './control-contracts-fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';

/** 合同结清 / 终止: requested with a reason, approved by someone else, releasing what was never paid. */
let t: TestApp;
let p: People;
let lineCounter = 0;

beforeAll(async () => {
  t = await testApp();
  p = await controlPeople(t);
});
afterAll(() => t.close());

interface Detail {
  status: string;
  closedKind: string | null;
  version: number;
  unpaid: string;
  permissions: { accept: boolean; requestClosure: boolean; decideClosure: boolean };
  closures: { id: string; kind: string; status: string; reason: string; opinion: string | null; released: string | null }[];
  milestones: { id: string; version: number }[];
}

async function detail(id: string, session: Session = p.requester): Promise<Detail> {
  const response = await as(t.app, session).get(`/api/contracts/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A contract of 100,000.00 (60,000 + 40,000) on a fresh line of 200,000.00, its first milestone accepted and paid. */
async function paidHalfway() {
  lineCounter += 1;
  const line = await ensureLine(t, {
    organisationId: p.departmentId,
    code: `CLOSE-${lineCounter}`,
    name: `结清测试指标${lineCounter}`,
    spendingType: 'project',
    initialFen: 200_000_00,
  });
  const { id, milestones } = await signedContract(t, p, { budgetLineId: line });
  const [first] = milestones;
  if (!first) throw new Error('milestone');
  const accepted = await as(t.app, p.requester).post(`/api/contracts/${id}/milestones/${first.id}/accept`, {
    version: first.version,
    note: '验收合格',
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  await t.deps.db.insert(paymentRequests).values({
    organisationId: p.departmentId,
    budgetLineId: line,
    contractId: id,
    milestoneId: first.id,
    payeeName: '广州示例供应商有限公司',
    amountFen: 60_000_00,
    purpose: '首期款',
    expenseType: 'project',
    status: 'paid',
    paidOn: '2024-07-01',
    requestedBy: p.requester.userId,
  });
  return { line, id, milestones };
}

const lineOf = async (line: string) => (await as(t.app, p.accountant).get(`/api/budget-lines/${line}`)).json();
const requestClosure = (id: string, body: Record<string, unknown>, session: Session = p.requester) =>
  as(t.app, session).post(`/api/contracts/${id}/closures`, { reason: '项目调整，后续服务不再需要', ...body });
const decide = (id: string, closureId: string, body: Record<string, unknown>, session: Session = p.approver) =>
  as(t.app, session).post(`/api/contracts/${id}/closures/${closureId}/decision`, body);

describe('终止 with approval', () => {
  it('releases the never-paid remainder from the line once approved, audited at both steps', async () => {
    const { line, id } = await paidHalfway();
    expect(await lineOf(line)).toMatchObject({ paid: '60000.00', committed: '40000.00', available: '100000.00' });
    const before = await detail(id);
    expect(before).toMatchObject({ unpaid: '40000.00', permissions: { requestClosure: true, decideClosure: false } });

    const requested = await requestClosure(id, { version: before.version, kind: 'terminated' });
    expect(requested.statusCode, requested.body).toBe(201);
    const pending = requested.json() as Detail;
    expect(pending).toMatchObject({ status: 'active', permissions: { requestClosure: false, decideClosure: false } });
    expect(pending.closures[0]).toMatchObject({ kind: 'terminated', status: 'requested', released: null });
    // Still reserved while the request waits.
    expect(await lineOf(line)).toMatchObject({ committed: '40000.00' });
    expect((await detail(id, p.approver)).permissions.decideClosure).toBe(true);

    const closureId = pending.closures[0]?.id ?? '';
    const approved = await decide(id, closureId, { version: pending.version, approve: true, opinion: '同意终止' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'closed',
      closedKind: 'terminated',
      permissions: { requestClosure: false, accept: false },
    });
    expect(approved.json().closures[0]).toMatchObject({ status: 'approved', opinion: '同意终止', released: '40000.00' });
    expect(await lineOf(line)).toMatchObject({ paid: '60000.00', committed: '0.00', available: '140000.00' });

    const audit = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), like(auditLog.action, 'closure.%')));
    expect(audit.map((row) => row.action).sort()).toEqual(['closure.approve', 'closure.request']);
  });

  it('IC_CONTRACT_CLOSED: a closed contract takes no more payments or acceptances', async () => {
    const { line, id, milestones } = await paidHalfway();
    const version = (await detail(id)).version;
    const pending = (await requestClosure(id, { version, kind: 'terminated' })).json() as Detail;
    await decide(id, pending.closures[0]?.id ?? '', { version: pending.version, approve: true });
    const body = await expectRefused(t, 'IC_CONTRACT_CLOSED', () =>
      as(t.app, p.requester).post('/api/payments', {
        budgetLineId: line,
        contractId: id,
        amount: '1000.00',
        payeeName: '广州示例供应商有限公司',
        payeeUscc: SUPPLIER_USCC,
        purpose: '尾款',
        expenseType: 'project',
      }),
    );
    expect(body.message).toMatch(/^合同“T-HT-\d+”已结清或终止，不能再支付$/);
    const second = milestones[1];
    if (!second) throw new Error('milestone');
    await expectRefused(t, 'IC_CONTRACT_CLOSED', () =>
      as(t.app, p.requester).post(`/api/contracts/${id}/milestones/${second.id}/accept`, { version: second.version, note: '验收' }),
    );
    const again = await requestClosure(id, { version: pending.version + 1, kind: 'settled' });
    expect(again.statusCode, again.body).toBe(422);
    expect(again.json().details[0].code).toBe('IC_CONTRACT_CLOSED');
  });
});

describe('who may close, and when', () => {
  it('IC_SOD_CONTRACT_CLOSURE: the requester may not approve, even holding the approver post', async () => {
    const { id } = await paidHalfway();
    const requested = await requestClosure(id, { version: (await detail(id)).version, kind: 'terminated' }, p.requesterApprover);
    expect(requested.statusCode, requested.body).toBe(201);
    const pending = requested.json() as Detail;
    expect(pending.permissions.decideClosure).toBe(false);
    await expectRefused(t, 'IC_SOD_CONTRACT_CLOSURE', () =>
      decide(id, pending.closures[0]?.id ?? '', { version: pending.version, approve: true }, p.requesterApprover),
    );
    expect((await detail(id)).status).toBe('active');
  });

  it('is requested by an 经办人 or 审批人 and decided by an 审批人 or 部门负责人', async () => {
    const { id } = await paidHalfway();
    const { version } = await detail(id);
    await expectRejected(t, 403, () => requestClosure(id, { version, kind: 'terminated' }, p.cashier));
    const pending = (await requestClosure(id, { version, kind: 'terminated' })).json() as Detail;
    await expectRejected(t, 403, () => decide(id, pending.closures[0]?.id ?? '', { version: pending.version, approve: true }, p.cashier));
    await expectRejected(t, 404, () => requestClosure(id, { version: pending.version, kind: 'terminated' }, p.outsider));
    await expectRejected(t, 409, () => requestClosure(id, { version: pending.version, kind: 'terminated' }));
  });

  it('结清 needs every milestone accepted; neither kind while a payment is in flight', async () => {
    const { line, id, milestones } = await paidHalfway();
    const { version } = await detail(id);
    const settled = await expectRejected(t, 409, () => requestClosure(id, { version, kind: 'settled' }));
    expect(settled.message).toMatch(/里程碑“终验”尚未验收，不能结清；提前结束合同请申请终止$/);

    const second = milestones[1];
    if (!second) throw new Error('milestone');
    const pending = (await requestClosure(id, { version, kind: 'terminated' })).json() as Detail;
    // A request made while the closure waits is caught at the decision.
    await t.deps.db.insert(paymentRequests).values({
      organisationId: p.departmentId,
      budgetLineId: line,
      contractId: id,
      payeeName: '广州示例供应商有限公司',
      amountFen: 5_000_00,
      purpose: '在办',
      expenseType: 'project',
      status: 'reviewed',
      requestedBy: p.requester.userId,
    });
    const refused = await expectRejected(t, 409, () =>
      decide(id, pending.closures[0]?.id ?? '', { version: pending.version, approve: true }),
    );
    expect(refused.message).toMatch(/尚有 1 笔支付申请在办（合计 5,000.00 元），须先支付或驳回，才能终止$/);
  });

  it('a rejection needs an opinion and leaves the contract open for a new request', async () => {
    const { id } = await paidHalfway();
    const pending = (await requestClosure(id, { version: (await detail(id)).version, kind: 'terminated' })).json() as Detail;
    const closureId = pending.closures[0]?.id ?? '';
    const bare = await expectRejected(t, 400, () => decide(id, closureId, { version: pending.version, approve: false }));
    expect(bare.details).toEqual([{ path: 'body.opinion', message: '驳回须填写审批意见，说明理由' }]);
    await expectRejected(t, 409, () => decide(id, closureId, { version: pending.version - 1, approve: false, opinion: '不同意' }));
    const rejected = await decide(id, closureId, { version: pending.version, approve: false, opinion: '后续服务仍需履行' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'active', permissions: { requestClosure: true } });
    expect(rejected.json().closures[0]).toMatchObject({ status: 'rejected', opinion: '后续服务仍需履行', released: null });
    await expectRejected(t, 409, () => decide(id, closureId, { version: rejected.json().version, approve: true }));
  });
});
