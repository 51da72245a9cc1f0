import { control, parseYuan } from '@jixiao/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, controlSettings, procurements } from '../src/db/schema.ts';
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

let t: TestApp;
let p: People;
let projectLine: string;
let basicLine: string;
let unitLine: string;

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
  unitLine = await ensureLine(t, {
    organisationId: p.unitId,
    code: 'TEST-UNIT',
    name: '下属单位项目',
    spendingType: 'project',
    initialFen: 1_000_000_00,
  });
});
afterAll(() => t.close());

const supplier = uscc('MA59ABC1X');

function draft(overrides: Record<string, unknown> = {}, session: Session = p.requester) {
  return as(t.app, session).post('/api/procurements', {
    organisationId: p.departmentId,
    budgetLineId: projectLine,
    title: '充电设施运维服务（测试）',
    requirement: '全区公共充电桩一年期运维',
    category: 'services',
    estimated: '850000.00',
    method: '竞争性磋商',
    ...overrides,
  });
}

async function detail(id: string, session: Session = p.requester) {
  const response = await as(t.app, session).get(`/api/procurements/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    status: string;
    version: number;
    supplierUscc: string | null;
    result: string | null;
    code: string;
    fiscalYear: number;
  };
}

async function approved(overrides: Record<string, unknown> = {}) {
  const id = created(await draft(overrides));
  const response = await as(t.app, p.approver).post(`/api/procurements/${id}/approve`, { version: 1 });
  expect(response.statusCode, response.body).toBe(200);
  return id;
}

describe('the procurement register', () => {
  it('runs 需求 → 审批 → 确定供应商, numbered per year, audited at each step', async () => {
    const id = created(await draft());
    const drafted = await detail(id);
    expect(drafted).toMatchObject({ status: 'draft', version: 1, fiscalYear: 2024 });
    expect(drafted.code).toMatch(/^CG2024-\d{3}$/);
    const approval = await as(t.app, p.head).post(`/api/procurements/${id}/approve`, { version: 1, comment: '同意' });
    expect(approval.json()).toMatchObject({ status: 'approved', statusLabel: '已审批', approvedByName: '部门负责人（示例）', version: 2 });
    const award = await as(t.app, p.requester).post(`/api/procurements/${id}/award`, {
      version: 2,
      supplierName: '广州示例运维服务有限公司',
      supplierUscc: supplier.toLowerCase(),
      result: '828000.00',
    });
    expect(award.statusCode, award.body).toBe(200);
    expect(award.json()).toMatchObject({ status: 'awarded', supplierUscc: supplier, result: '828000.00', estimated: '850000.00' });
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((row) => row.action)).toEqual(['create', 'approve', 'award']);
  });

  it('lists by year and organisation for anyone of the department, and hides it from other departments', async () => {
    const id = created(await draft({ title: '列表可见性（测试）' }));
    const list = await as(t.app, p.cashier).get(`/api/procurements?fiscalYear=2024&organisationId=${p.departmentId}`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id);
    const outside = await as(t.app, p.outsider).get('/api/procurements');
    expect((outside.json() as { items: { id: string }[] }).items.map((item) => item.id)).not.toContain(id);
    const other = await as(t.app, p.outsider).get(`/api/procurements/${id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('政府采购登记不存在或无权访问');
    expect((await as(t.app, p.outsider).get(`/api/procurements?organisationId=${p.departmentId}`)).statusCode).toBe(404);
    expect((await as(t.app, p.outsider).get(`/api/procurements/${crypto.randomUUID()}`)).json().message).toBe(
      '政府采购登记不存在或无权访问',
    );
  });

  it('refuses bad input by field with a Chinese message', async () => {
    const body = await expectRejected(t, 400, () => draft({ estimated: '-5', method: '随便买', title: '' }));
    expect(body.details).toEqual(
      expect.arrayContaining([
        { path: 'body.estimated', message: '金额不能为负' },
        { path: 'body.title', message: '不能为空' },
        expect.objectContaining({ path: 'body.method' }),
      ]),
    );
    const zero = await expectRejected(t, 400, () => draft({ estimated: '0.00' }));
    expect(zero.details).toEqual([{ path: 'body.estimated', message: '金额须大于 0' }]);
  });
});

describe('who may do what', () => {
  it('only an 经办人 drafts a requirement', async () => {
    const body = await expectRejected(t, 403, () => draft({}, p.approver));
    expect(body.message).toBe('此操作须由经办人执行');
  });

  it('only an 审批人 or 部门负责人 approves', async () => {
    const id = created(await draft());
    const body = await expectRejected(t, 403, () => as(t.app, p.requester).post(`/api/procurements/${id}/approve`, { version: 1 }));
    expect(body.message).toBe('此操作须由审批人或部门负责人执行');
    expect((await detail(id)).status).toBe('draft');
  });

  it('IC_SOD_PROCUREMENT: the drafter may not approve their own requirement, even holding both posts', async () => {
    const id = created(await draft({ title: '一人兼岗（测试）' }, p.requesterApprover));
    const refusal = await expectRefused(t, 'IC_SOD_PROCUREMENT', () =>
      as(t.app, p.requesterApprover).post(`/api/procurements/${id}/approve`, { version: 1 }),
    );
    expect(refusal.details[0]).toMatchObject({ code: 'IC_SOD_PROCUREMENT', path: 'body' });
    expect(await detail(id)).toMatchObject({ status: 'draft', version: 1 });
    expect((await as(t.app, p.approver).post(`/api/procurements/${id}/approve`, { version: 1 })).statusCode).toBe(200);
  });

  it('an outsider cannot act on the department’s procurement', async () => {
    const id = created(await draft());
    await expectRejected(t, 404, () => as(t.app, p.outsider).post(`/api/procurements/${id}/approve`, { version: 1 }));
  });
});

describe('IC_PROCUREMENT_METHOD and IC_PROCUREMENT_JUSTIFICATION: the method suits the amount', () => {
  it('allows 限额以下自行采购 just below the 政府采购限额标准 and refuses it at the limit', async () => {
    created(await draft({ category: 'goods', method: '限额以下自行采购', estimated: '999999.99' }));
    const refusal = await expectRefused(t, 'IC_PROCUREMENT_METHOD', () =>
      draft({ category: 'goods', method: '限额以下自行采购', estimated: '1000000.00' }),
    );
    expect(refusal.details[0]).toMatchObject({ path: 'body.method' });
    expect(refusal.message).toContain('达到政府采购限额标准 1,000,000.00 元');
  });

  it('requires 公开招标 from the 公开招标数额标准 on, unless the change of method is justified', async () => {
    created(await draft({ category: 'goods', method: '竞争性磋商', estimated: '3999999.99' }));
    await expectRefused(t, 'IC_PROCUREMENT_METHOD', () => draft({ category: 'goods', method: '竞争性磋商', estimated: '4000000.00' }));
    created(await draft({ category: 'goods', method: '公开招标', estimated: '4000000.00' }));
    created(
      await draft({
        category: 'goods',
        method: '竞争性磋商',
        estimated: '4000000.00',
        methodJustification: '经财政部门批准变更采购方式（测试）',
      }),
    );
  });

  it('refuses 单一来源 without a reason and 询价 for services', async () => {
    const single = await expectRefused(t, 'IC_PROCUREMENT_JUSTIFICATION', () => draft({ method: '单一来源' }));
    expect(single.details[0]).toMatchObject({ path: 'body.methodJustification' });
    await expectRefused(t, 'IC_PROCUREMENT_METHOD', () => draft({ method: '询价' }));
  });

  it('checks the method again at approval, against the thresholds in force then', async () => {
    const id = created(await draft({ category: 'goods', method: '竞争性磋商', estimated: '3500000.00' }));
    await t.deps.db
      .insert(controlSettings)
      .values({ id: 1, config: { publicTenderFromFen: { goods: 3_000_000_00 } } })
      .onConflictDoUpdate({ target: controlSettings.id, set: { config: { publicTenderFromFen: { goods: 3_000_000_00 } } } });
    try {
      const refusal = await expectRefused(t, 'IC_PROCUREMENT_METHOD', () =>
        as(t.app, p.approver).post(`/api/procurements/${id}/approve`, { version: 1 }),
      );
      expect(refusal.message).toContain('3,000,000.00');
      expect(await detail(id)).toMatchObject({ status: 'draft', version: 1 });
    } finally {
      await t.deps.db.update(controlSettings).set({ config: {} }).where(eq(controlSettings.id, 1));
    }
  });
});

describe('budget control at drafting', () => {
  it('IC_BALANCE_INSUFFICIENT: the estimate must fit what the line has left', async () => {
    const refusal = await expectRefused(t, 'IC_BALANCE_INSUFFICIENT', () =>
      draft({ budgetLineId: basicLine, estimated: '2000000.01', methodJustification: '测试' }),
    );
    expect(refusal.details).toContainEqual(expect.objectContaining({ code: 'IC_BALANCE_INSUFFICIENT', path: 'body.estimated' }));
  });

  it('IC_BASIC_PROJECT_MIXED: 工程 is never paid from 基本支出', async () => {
    const refusal = await expectRefused(t, 'IC_BASIC_PROJECT_MIXED', () =>
      draft({ budgetLineId: basicLine, category: 'works', estimated: '50000.00', method: '限额以下自行采购' }),
    );
    expect(refusal.details[0]).toMatchObject({
      path: 'body.budgetLineId',
      message: '工程采购须列支项目支出，“测试公用经费”是基本支出指标',
    });
    created(await draft({ budgetLineId: basicLine, category: 'goods', estimated: '50000.00', method: '限额以下自行采购' }));
  });

  it('refuses a line of another organisation', async () => {
    const body = await expectRejected(t, 400, () => draft({ budgetLineId: unitLine }));
    expect(body.details).toEqual([{ path: 'body.budgetLineId', message: '预算指标“下属单位项目”不属于所选单位，不能使用其他单位的预算' }]);
  });
});

describe('the award', () => {
  const award = (id: string, overrides: Record<string, unknown> = {}) =>
    as(t.app, p.requester).post(`/api/procurements/${id}/award`, {
      version: 2,
      supplierName: '广州示例供应商有限公司',
      supplierUscc: supplier,
      result: '100000.00',
      ...overrides,
    });

  it('IC_USCC_INVALID: refuses a supplier code with a wrong check character, in Chinese', async () => {
    const id = await approved({ estimated: '100000.00' });
    const refusal = await expectRefused(t, 'IC_USCC_INVALID', () => award(id, { supplierUscc: wrongCheck(supplier) }));
    expect(refusal.details).toEqual([
      { code: 'IC_USCC_INVALID', path: 'body.supplierUscc', message: '供应商的统一社会信用代码校验位不正确', confirmable: false },
    ]);
    await expectRefused(t, 'IC_USCC_INVALID', () => award(id, { supplierUscc: '91440113MA59ABC1' }));
    expect(await detail(id)).toMatchObject({ status: 'approved', version: 2, supplierUscc: null });
  });

  it('accepts a result up to 110 % of the estimate; above it only with a justification', async () => {
    const exact = await approved({ estimated: '100000.00' });
    expect((await award(exact, { result: '110000.00' })).statusCode).toBe(200);
    const over = await approved({ estimated: '100000.00' });
    const refusal = await expectRefused(t, 'IC_PROCUREMENT_JUSTIFICATION', () => award(over, { result: '110000.01' }));
    expect(refusal.details[0]).toMatchObject({ path: 'body.awardJustification' });
    const justified = await award(over, { result: '110000.01', awardJustification: '原材料价格上涨，经评审委员会复核' });
    expect(justified.statusCode, justified.body).toBe(200);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, over), eq(auditLog.action, 'award')));
    expect(entry?.after).toMatchObject({ awardJustification: '原材料价格上涨，经评审委员会复核' });
  });

  it('only the 经办人 awards, only an approved procurement, and only at the version seen', async () => {
    const id = created(await draft({ estimated: '100000.00' }));
    await expectRejected(t, 409, () => award(id, { version: 1 }));
    expect((await as(t.app, p.approver).post(`/api/procurements/${id}/approve`, { version: 1 })).statusCode).toBe(200);
    await expectRejected(t, 403, () =>
      as(t.app, p.approver).post(`/api/procurements/${id}/award`, {
        version: 2,
        supplierName: 'x',
        supplierUscc: supplier,
        result: '1.00',
      }),
    );
    const stale = await expectRejected(t, 409, () => award(id, { version: 1 }));
    expect(stale).toMatchObject({ code: 'VERSION_CONFLICT', message: '政府采购登记已被他人修改，你的修改未保存。请刷新后重新修改。' });
  });
});

describe('cancelling', () => {
  it('cancels before the award with the reason in the audit entry, and not after', async () => {
    const id = created(await draft());
    const cancel = await as(t.app, p.requester).post(`/api/procurements/${id}/cancel`, { version: 1, reason: '需求调整，改由下年度实施' });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id).offset(1);
    expect(entry).toMatchObject({ action: 'cancel', after: { status: 'cancelled', reason: '需求调整，改由下年度实施' } });
    const again = await expectRejected(t, 409, () => as(t.app, p.approver).post(`/api/procurements/${id}/approve`, { version: 2 }));
    expect(again.message).toBe('政府采购处于“已取消”状态，不能审批');
    const awarded = await approved({ estimated: '1000.00' });
    await as(t.app, p.requester).post(`/api/procurements/${awarded}/award`, {
      version: 2,
      supplierName: 'x',
      supplierUscc: supplier,
      result: '1000.00',
    });
    await expectRejected(t, 409, () =>
      as(t.app, p.requester).post(`/api/procurements/${awarded}/cancel`, { version: 3, reason: '不要了' }),
    );
    const [row] = await t.deps.db.select().from(procurements).where(eq(procurements.id, awarded));
    expect(row?.status).toBe('awarded');
  });
});

describe('the demo', () => {
  it('has three FY2024 procurements whose methods suit their amounts, each approved by someone other than its drafter', async () => {
    const list = (await as(t.app, p.head).get(`/api/procurements?fiscalYear=2024&organisationId=${p.departmentId}`)).json() as {
      items: {
        code: string;
        method: string;
        category: 'goods' | 'services' | 'works';
        estimated: string;
        result: string;
        budgetLineCode: string;
        draftedBy: string;
        approvedBy: string;
      }[];
    };
    const demo = list.items.filter((item) => /^CG2024-00[1-3]$/.test(item.code)).sort((a, b) => a.code.localeCompare(b.code));
    expect(demo.map((item) => [item.code, item.method, item.estimated, item.result, item.budgetLineCode])).toEqual([
      // Each awarded at its estimate: the demo's 政府采购执行率 is the report's 100 %.
      ['CG2024-001', '公开招标', '6650000.00', '6650000.00', 'KGSX-XM-CDSS'],
      ['CG2024-002', '竞争性磋商', '828000.00', '828000.00', 'KGSX-XM-CYFC'],
      ['CG2024-003', '限额以下自行采购', '58600.00', '58600.00', 'KGSX-JB-GY'],
    ]);
    for (const item of demo) {
      const estimated = parseYuan(item.estimated);
      if (!estimated.ok) throw new Error(item.estimated);
      const facts = { category: item.category, estimatedFen: estimated.value, method: item.method as control.ProcurementMethod };
      expect(control.checkProcurementMethod(facts, control.DEFAULT_CONTROL_CONFIG)).toEqual([]);
      expect(item.approvedBy).not.toBe(item.draftedBy);
    }
  });
});
