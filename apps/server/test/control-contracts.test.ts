import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets, auditLog, contractMilestones, contracts, paymentRequests } from '../src/db/schema.ts';
import {
  awardedProcurement,
  controlPeople,
  created,
  ensureLine,
  expectRefused,
  expectRejected,
  type People,
  SUPPLIER_USCC,
  signedContract,
  uscc,
  wrongCheck,
} from './control-contracts-fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let p: People;
let projectLine: string;
let basicLine: string;

beforeAll(async () => {
  t = await testApp();
  p = await controlPeople(t);
  projectLine = await ensureLine(t, {
    organisationId: p.departmentId,
    code: 'TEST-XM',
    name: '测试项目支出',
    spendingType: 'project',
    initialFen: 20_000_000_00,
  });
  basicLine = await ensureLine(t, {
    organisationId: p.departmentId,
    code: 'TEST-JB',
    name: '测试公用经费',
    spendingType: 'basic',
    initialFen: 2_000_000_00,
  });
});
afterAll(() => t.close());

interface Milestone {
  id: string;
  version: number;
  acceptedAt: string | null;
  acceptedByName: string | null;
  paid: string;
  committed: string;
  assetCount: number;
}

async function detail(id: string, session: Session = p.requester) {
  const response = await as(t.app, session).get(`/api/contracts/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    acceptance: string;
    acceptedCount: number;
    accepted: string;
    paid: string;
    committed: string;
    permissions: { accept: boolean; requestClosure: boolean; decideClosure: boolean; createAssetCards: boolean };
    signedByName: string;
    milestones: Milestone[];
    payments: { status: string; count: number; amount: string }[];
  };
}

const contractBody = (overrides: Record<string, unknown> = {}) => ({
  organisationId: p.departmentId,
  budgetLineId: projectLine,
  code: `T-${crypto.randomUUID().slice(0, 8)}`,
  title: '充电设施运维服务合同（测试）',
  counterpartyName: '广州示例供应商有限公司',
  counterpartyUscc: SUPPLIER_USCC,
  amount: '100000.00',
  signedOn: '2024-04-01',
  milestones: [
    { description: '到货验收', amount: '60000.00', dueOn: '2024-06-30' },
    { description: '终验', amount: '40000.00', dueOn: '2024-12-31' },
  ],
  ...overrides,
});

const sign = (overrides: Record<string, unknown> = {}, session: Session = p.approver) =>
  as(t.app, session).post('/api/contracts', contractBody(overrides));

const accept = (contractId: string, milestone: { id: string; version: number }, session: Session, extra: Record<string, unknown> = {}) =>
  as(t.app, session).post(`/api/contracts/${contractId}/milestones/${milestone.id}/accept`, {
    version: milestone.version,
    note: '数量、型号与合同一致，验收合格',
    ...extra,
  });

describe('signing a contract', () => {
  it('signs on an awarded procurement: the signer is the user, milestones add up, nothing accepted yet', async () => {
    const procurementId = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00' });
    const id = created(await sign({ procurementId }));
    const contract = await detail(id);
    expect(contract).toMatchObject({
      signedByName: '审批人（示例）',
      acceptance: 'none',
      accepted: '0.00',
      paid: '0.00',
      permissions: { accept: true },
      payments: [],
    });
    expect(contract.milestones.map((milestone) => milestone.acceptedAt)).toEqual([null, null]);
    expect((await detail(id, p.approver)).permissions.accept).toBe(false);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((row) => row.action)).toEqual(['create']);
    expect(audit[0]?.after).toMatchObject({ milestones: [expect.anything(), expect.anything()] });
  });

  it('lists by year and organisation, hidden from other departments', async () => {
    const id = created(await sign());
    const list = await as(t.app, p.cashier).get(`/api/contracts?fiscalYear=2024&organisationId=${p.departmentId}`);
    expect((list.json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id);
    expect(
      ((await as(t.app, p.outsider).get('/api/contracts')).json() as { items: { id: string }[] }).items.map((item) => item.id),
    ).not.toContain(id);
    const hidden = await as(t.app, p.outsider).get(`/api/contracts/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().message).toBe('合同不存在或无权访问');
  });

  it('refuses milestones that do not add up to the amount, or fall due before signing', async () => {
    const sum = await expectRejected(t, 400, () => sign({ milestones: [{ description: '一次性验收', amount: '99999.99' }] }));
    expect(sum.details).toEqual([{ path: 'body.milestones', message: '里程碑金额合计 99,999.99 元与合同金额 100,000.00 元不一致' }]);
    const early = await expectRejected(t, 400, () =>
      sign({ milestones: [{ description: '预付款', amount: '100000.00', dueOn: '2024-03-31' }] }),
    );
    expect(early.details).toEqual([{ path: 'body.milestones[0].dueOn', message: '付款节点日期不能早于合同签订日期' }]);
    const none = await expectRejected(t, 400, () => sign({ milestones: [] }));
    expect(none.details).toEqual([{ path: 'body.milestones', message: '至少需要 1 项' }]);
  });

  it('IC_USCC_INVALID: refuses a counterparty code with a wrong check character', async () => {
    const refusal = await expectRefused(t, 'IC_USCC_INVALID', () => sign({ counterpartyUscc: wrongCheck(SUPPLIER_USCC) }));
    expect(refusal.details).toEqual([
      { code: 'IC_USCC_INVALID', path: 'body.counterpartyUscc', message: '合同相对方的统一社会信用代码校验位不正确', confirmable: false },
    ]);
  });

  it('IC_BALANCE_INSUFFICIENT: the amount must fit what the line has left', async () => {
    const refusal = await expectRefused(t, 'IC_BALANCE_INSUFFICIENT', () =>
      sign({ budgetLineId: basicLine, amount: '2000000.01', milestones: [{ description: '全部', amount: '2000000.01' }] }),
    );
    expect(refusal.details[0]).toMatchObject({ path: 'body.amount' });
  });

  it('follows the procurement: awarded, its line, its supplier, and no more than its result', async () => {
    const draft = created(
      await as(t.app, p.requester).post('/api/procurements', {
        organisationId: p.departmentId,
        budgetLineId: projectLine,
        title: '未定供应商',
        category: 'goods',
        estimated: '100000.00',
        method: '限额以下自行采购',
      }),
    );
    const notAwarded = await expectRejected(t, 400, () => sign({ procurementId: draft }));
    expect(notAwarded.details).toEqual([{ path: 'body.procurementId', message: '采购“未定供应商”尚未确定成交供应商，不能据以签订合同' }]);
    const procurementId = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00' });
    const other = await expectRejected(t, 400, () => sign({ procurementId, counterpartyUscc: uscc('MA5XY7K2P') }));
    expect(other.details).toEqual([
      {
        path: 'body.counterpartyUscc',
        message: `合同相对方须为采购成交供应商“广州示例供应商有限公司”（统一社会信用代码 ${SUPPLIER_USCC}）`,
      },
    ]);
    const line = await expectRejected(t, 400, () => sign({ procurementId, budgetLineId: basicLine }));
    expect(line.details).toEqual([{ path: 'body.budgetLineId', message: '合同须使用采购所列支的预算指标' }]);
    created(await sign({ procurementId, amount: '60000.00', milestones: [{ description: '第一批', amount: '60000.00' }] }));
    const over = await expectRejected(t, 400, () =>
      sign({ procurementId, amount: '40000.01', milestones: [{ description: '第二批', amount: '40000.01' }] }),
    );
    expect(over.details).toEqual([
      { path: 'body.amount', message: '合同金额 40,000.01 元超过采购成交金额 100,000.00 元（已签订 60,000.00 元）' },
    ]);
    created(await sign({ procurementId, amount: '40000.00', milestones: [{ description: '第二批', amount: '40000.00' }] }));
  });

  it('is signed only by an 经办人 or 审批人, with a code unique in the unit', async () => {
    const role = await expectRejected(t, 403, () => sign({}, p.cashier));
    expect(role.message).toBe('此操作须由经办人或审批人执行');
    const body = contractBody();
    created(await as(t.app, p.requester).post('/api/contracts', body));
    const again = await expectRejected(t, 409, () => as(t.app, p.requester).post('/api/contracts', body));
    expect(again.details).toEqual([{ path: 'body.code', message: `合同编号“${body.code}”在本单位已存在` }]);
  });
});

describe('acceptance (验收)', () => {
  it('IC_SOD_CONTRACT_ACCEPTANCE: the signer may not accept the deliveries', async () => {
    const { id, milestones } = await signedContract(t, p, { budgetLineId: projectLine });
    const [first] = milestones;
    if (!first) throw new Error('milestone');
    const refusal = await expectRefused(t, 'IC_SOD_CONTRACT_ACCEPTANCE', () => accept(id, first, p.approver));
    expect(refusal.message).toBe('合同由你签订，不能由你验收（合同签订与验收须分离）');
    expect((await detail(id)).milestones[0]).toMatchObject({ acceptedAt: null, version: 1 });
  });

  it('IC_SOD_ACCEPTANCE_CUSTODY: the accepter may not keep the goods accepted', async () => {
    const procurementId = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00' });
    const { id, milestones } = await signedContract(t, p, { budgetLineId: projectLine, procurementId });
    const [first] = milestones;
    if (!first) throw new Error('milestone');
    const cards = [{ name: '直流快充桩', category: '专用设备', value: '30000.00', location: '市桥公共充电站' }];
    const refusal = await expectRefused(t, 'IC_SOD_ACCEPTANCE_CUSTODY', () =>
      accept(id, first, p.requester, { custodianId: p.requester.userId, assets: cards }),
    );
    expect(refusal.details[0]).toMatchObject({ path: 'body.custodianId', message: '“直流快充桩”的保管人不能是验收人（验收与保管须分离）' });
    const own = await expectRefused(t, 'IC_SOD_ACCEPTANCE_CUSTODY', () =>
      accept(id, first, p.requester, {
        custodianId: p.assetManager.userId,
        assets: [...cards, { ...cards[0], custodianId: p.requester.userId }],
      }),
    );
    expect(own.details.map((detail) => detail.path)).toEqual(['body.assets[1].custodianId']);
  });

  it('accepts a goods milestone with its asset cards, in one transaction, audited', async () => {
    const procurementId = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00' });
    const { id, milestones } = await signedContract(t, p, { budgetLineId: projectLine, procurementId });
    const [first, second] = milestones;
    if (!first || !second) throw new Error('milestones');
    const response = await accept(id, first, p.requester, {
      custodianId: p.assetManager.userId,
      assets: [
        { name: '直流快充桩 120kW', category: '专用设备', value: '40000.00', location: '市桥公共充电站' },
        { name: '充电监控终端', category: '通用设备', value: '20000.00', location: '局机关信息机房', custodianId: p.head.userId },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { contract: Awaited<ReturnType<typeof detail>>; assetIds: string[] };
    expect(body.assetIds).toHaveLength(2);
    expect(body.contract).toMatchObject({ acceptance: 'partial', acceptanceLabel: '部分验收', acceptedCount: 1, accepted: '60000.00' });
    expect(body.contract.milestones[0]).toMatchObject({ acceptedByName: '经办人（示例）', assetCount: 2, version: 2 });
    const cards = await t.deps.db.select().from(assets).where(inArray(assets.id, body.assetIds));
    expect(cards.map((card) => [card.custodianId, card.valueFen, card.milestoneId]).sort()).toEqual(
      [
        [p.assetManager.userId, 40_000_00, first.id],
        [p.head.userId, 20_000_00, first.id],
      ].sort(),
    );
    expect(cards.every((card) => /^ZC\d{4}-\d{4}$/.test(card.code))).toBe(true);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, first.id));
    expect(audit.map((row) => row.action)).toEqual(['accept']);
    const complete = await accept(id, second, p.head);
    expect(complete.json().contract).toMatchObject({ acceptance: 'complete', acceptedCount: 2 });
  });

  it('refuses a second acceptance, a stale version, and people outside the department', async () => {
    const { id, milestones } = await signedContract(t, p, { budgetLineId: projectLine });
    const [first, second] = milestones;
    if (!first || !second) throw new Error('milestones');
    expect((await accept(id, first, p.requester)).statusCode).toBe(200);
    const again = await expectRejected(t, 409, () => accept(id, { id: first.id, version: 2 }, p.head));
    expect(again).toMatchObject({ code: 'INVALID_TRANSITION', message: '里程碑“到货验收”已经验收' });
    const stale = await expectRejected(t, 409, () => accept(id, { id: second.id, version: 7 }, p.head));
    expect(stale.code).toBe('VERSION_CONFLICT');
    await expectRejected(t, 404, () => accept(id, second, p.outsider));
    await expectRejected(t, 404, () => accept(id, { id: crypto.randomUUID(), version: 1 }, p.head));
  });

  it('refuses cards that are worth more than the delivery, not goods, or kept by a stranger', async () => {
    const procurementId = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00' });
    const goods = await signedContract(t, p, { budgetLineId: projectLine, procurementId });
    const [first] = goods.milestones;
    if (!first) throw new Error('milestone');
    const card = { name: '设备', category: '通用设备', location: '机房' };
    const dear = await expectRejected(t, 400, () =>
      accept(goods.id, first, p.requester, { custodianId: p.assetManager.userId, assets: [{ ...card, value: '60000.01' }] }),
    );
    expect(dear.details).toEqual([{ path: 'body.assets', message: '资产价值合计 60,000.01 元（含已登记）超过里程碑金额 60,000.00 元' }]);
    const stranger = await expectRejected(t, 400, () =>
      accept(goods.id, first, p.requester, { custodianId: p.outsider.userId, assets: [{ ...card, value: '1.00' }] }),
    );
    expect(stranger.details).toEqual([{ path: 'body.assets[0].custodianId', message: '保管人须为本单位在职人员' }]);
    const nobody = await expectRejected(t, 400, () => accept(goods.id, first, p.requester, { assets: [{ ...card, value: '1.00' }] }));
    expect(nobody.details).toEqual([{ path: 'body.assets[0].custodianId', message: '请指定保管人' }]);
    const serviceProcurement = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00', category: 'services' });
    const service = await signedContract(t, p, { budgetLineId: projectLine, procurementId: serviceProcurement });
    const [report] = service.milestones;
    if (!report) throw new Error('milestone');
    const notGoods = await expectRejected(t, 400, () =>
      accept(service.id, report, p.requester, { custodianId: p.assetManager.userId, assets: [{ ...card, value: '1.00' }] }),
    );
    expect(notGoods.details).toEqual([{ path: 'body.assets', message: '服务类合同的验收不形成资产卡片' }]);
    expect((await accept(service.id, report, p.requester)).statusCode).toBe(200);
  });
});

describe('payments read from the payments module', () => {
  it('sums paid and committed requests on the contract and each milestone, by status', async () => {
    const { id, milestones } = await signedContract(t, p, { budgetLineId: projectLine });
    const [first] = milestones;
    if (!first) throw new Error('milestone');
    await accept(id, first, p.requester);
    const request = (status: 'requested' | 'paid' | 'archived' | 'rejected', amountFen: number) => ({
      organisationId: p.departmentId,
      budgetLineId: projectLine,
      contractId: id,
      milestoneId: first.id,
      payeeName: '广州示例供应商有限公司',
      amountFen,
      purpose: '测试',
      expenseType: 'project' as const,
      status,
      requestedBy: p.requester.userId,
    });
    await t.deps.db
      .insert(paymentRequests)
      .values([request('paid', 30_000_00), request('archived', 10_000_00), request('requested', 15_000_00), request('rejected', 5_000_00)]);
    const contract = await detail(id);
    expect(contract).toMatchObject({ paid: '40000.00', committed: '15000.00' });
    expect(contract.milestones[0]).toMatchObject({ paid: '40000.00', committed: '15000.00' });
    expect(contract.payments).toEqual([
      { status: 'archived', count: 1, amount: '10000.00' },
      { status: 'paid', count: 1, amount: '30000.00' },
      { status: 'rejected', count: 1, amount: '5000.00' },
      { status: 'requested', count: 1, amount: '15000.00' },
    ]);
  });
});

describe('the demo', () => {
  it('has contracts on its procurements whose deliveries were accepted by someone other than the signer', async () => {
    const list = (await as(t.app, p.requester).get(`/api/contracts?fiscalYear=2024&organisationId=${p.departmentId}`)).json() as {
      items: { id: string; code: string; procurementCode: string | null; acceptance: string; amount: string }[];
    };
    const demo = list.items.filter((item) => item.code.startsWith('HT2024-'));
    expect(demo.map((item) => [item.code, item.procurementCode, item.amount, item.acceptance]).sort()).toEqual([
      ['HT2024-001', 'CG2024-001', '6650000.00', 'partial'],
      ['HT2024-002', 'CG2024-002', '828000.00', 'partial'],
      ['HT2024-003', 'CG2024-003', '58600.00', 'complete'],
    ]);
    const rows = await t.deps.db
      .select({ signedBy: contracts.signedBy, acceptedBy: contractMilestones.acceptedBy })
      .from(contractMilestones)
      .innerJoin(contracts, eq(contracts.id, contractMilestones.contractId))
      .where(
        and(
          inArray(
            contracts.id,
            demo.map((item) => item.id),
          ),
        ),
      );
    const accepted = rows.filter((row) => row.acceptedBy !== null);
    expect(accepted.length).toBe(4);
    expect(accepted.every((row) => row.acceptedBy !== row.signedBy)).toBe(true);
  });
});
