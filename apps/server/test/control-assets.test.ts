import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetDisposals, assets, auditLog, contractMilestones, stocktakes } from '../src/db/schema.ts';
import {
  awardedProcurement,
  controlPeople,
  created,
  ensureLine,
  expectRefused,
  expectRejected,
  type People,
  signedContract,
} from './control-contracts-fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let p: People;
let projectLine: string;
/** A goods contract whose first milestone the 经办人 accepted without cards. */
let contract: { id: string; milestone: string; open: string };

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
  const procurementId = await awardedProcurement(t, p, { budgetLineId: projectLine, amount: '100000.00' });
  const signed = await signedContract(t, p, { budgetLineId: projectLine, procurementId });
  const [first, second] = signed.milestones;
  if (!first || !second) throw new Error('milestones');
  const accepted = await as(t.app, p.requester).post(`/api/contracts/${signed.id}/milestones/${first.id}/accept`, {
    version: 1,
    note: '验收合格',
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  contract = { id: signed.id, milestone: first.id, open: second.id };
});
afterAll(() => t.close());

interface AssetView {
  id: string;
  code: string;
  status: string;
  statusLabel: string;
  version: number;
  custodianId: string;
  custodianName: string;
  location: string;
  stocktakes: { takenOn: string; found: boolean; difference: string | null }[];
  disposals: { id: string; status: string; requestedByName: string; decidedByName: string | null; comment: string | null }[];
}

async function asset(id: string, session: Session = p.assetManager): Promise<AssetView> {
  const response = await as(t.app, session).get(`/api/assets/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AssetView;
}

/** One card from the accepted milestone, kept by `custodian`. */
async function card(custodian: Session = p.assetManager, name = '台式计算机', value = '5000.00'): Promise<string> {
  const response = await as(t.app, p.assetManager).post('/api/assets', {
    contractId: contract.id,
    milestoneId: contract.milestone,
    custodianId: custodian.userId,
    assets: [{ name, category: '通用设备', value, location: '局机关三楼综合科' }],
  });
  expect(response.statusCode, response.body).toBe(201);
  const [id] = (response.json() as { ids: string[] }).ids;
  if (!id) throw new Error('no card');
  return id;
}

describe('asset cards from an accepted milestone', () => {
  it('are made by the 资产管理员, coded, dated at the acceptance, and audited', async () => {
    const id = await card(p.head);
    const view = await asset(id);
    expect(view).toMatchObject({ status: 'in-use', statusLabel: '在用', custodianName: '部门负责人（示例）', version: 1 });
    expect(view.code).toMatch(/^ZC\d{4}-\d{4}$/);
    const [milestone] = await t.deps.db.select().from(contractMilestones).where(eq(contractMilestones.id, contract.milestone));
    const [row] = await t.deps.db.select().from(assets).where(eq(assets.id, id));
    expect(row?.acquiredOn).toBe(new Date((milestone?.acceptedAt?.getTime() ?? 0) + 8 * 3_600_000).toISOString().slice(0, 10));
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((entry) => entry.action)).toEqual(['create']);
    const list = await as(t.app, p.cashier).get(`/api/assets?contractId=${contract.id}`);
    expect((list.json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id);
  });

  it('IC_SOD_ACCEPTANCE_CUSTODY: never kept by the person who accepted the delivery', async () => {
    const refusal = await expectRefused(t, 'IC_SOD_ACCEPTANCE_CUSTODY', () =>
      as(t.app, p.assetManager).post('/api/assets', {
        contractId: contract.id,
        milestoneId: contract.milestone,
        custodianId: p.requester.userId,
        assets: [{ name: '显示器', category: '通用设备', value: '1000.00', location: '机房' }],
      }),
    );
    expect(refusal.details[0]).toMatchObject({ path: 'body.custodianId', message: '“显示器”的保管人不能是验收人（验收与保管须分离）' });
  });

  it('only from an accepted milestone, only by the 资产管理员', async () => {
    const body = {
      contractId: contract.id,
      milestoneId: contract.open,
      custodianId: p.assetManager.userId,
      assets: [{ name: '显示器', category: '通用设备', value: '1000.00', location: '机房' }],
    };
    const open = await expectRejected(t, 400, () => as(t.app, p.assetManager).post('/api/assets', body));
    expect(open.details).toEqual([{ path: 'body.milestoneId', message: '里程碑“终验”尚未验收，不能登记资产' }]);
    const role = await expectRejected(t, 403, () =>
      as(t.app, p.requester).post('/api/assets', { ...body, milestoneId: contract.milestone }),
    );
    expect(role.message).toBe('此操作须由资产管理员执行');
    await expectRejected(t, 404, () => as(t.app, p.outsider).post('/api/assets', { ...body, milestoneId: contract.milestone }));
  });
});

describe('custodian and location changes', () => {
  it('are made by the 资产管理员 at the version seen, and audited with before and after', async () => {
    const id = await card();
    const moved = await as(t.app, p.assetManager).patch(`/api/assets/${id}`, {
      version: 1,
      custodianId: p.accountant.userId,
      location: '局机关三楼财务室',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ custodianName: '财务审核（示例）', location: '局机关三楼财务室', version: 2 });
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id).offset(1);
    expect(entry).toMatchObject({
      action: 'update',
      before: { custodianId: p.assetManager.userId, location: '局机关三楼综合科' },
      after: { custodianId: p.accountant.userId, location: '局机关三楼财务室' },
    });
    const stale = await expectRejected(t, 409, () =>
      as(t.app, p.assetManager).patch(`/api/assets/${id}`, { version: 1, location: '别处' }),
    );
    expect(stale.message).toBe('资产已被他人修改，你的修改未保存。请刷新后重新修改。');
    await expectRejected(t, 403, () => as(t.app, p.requester).patch(`/api/assets/${id}`, { version: 2, location: '别处' }));
    await expectRejected(t, 404, () => as(t.app, p.outsider).patch(`/api/assets/${id}`, { version: 2, location: '别处' }));
    const empty = await expectRejected(t, 400, () => as(t.app, p.assetManager).patch(`/api/assets/${id}`, { version: 2 }));
    expect(empty.details).toEqual([{ path: 'body.location', message: '请填写新的保管人或存放地点' }]);
  });

  it('IC_SOD_ACCEPTANCE_CUSTODY: the accepter never becomes the keeper later', async () => {
    const id = await card();
    await expectRefused(t, 'IC_SOD_ACCEPTANCE_CUSTODY', () =>
      as(t.app, p.assetManager).patch(`/api/assets/${id}`, { version: 1, custodianId: p.requester.userId }),
    );
    expect(await asset(id)).toMatchObject({ custodianId: p.assetManager.userId, version: 1 });
    const stranger = await expectRejected(t, 400, () =>
      as(t.app, p.assetManager).patch(`/api/assets/${id}`, { version: 1, custodianId: p.outsider.userId }),
    );
    expect(stranger.details).toEqual([{ path: 'body.custodianId', message: '保管人须为本单位在职人员' }]);
  });
});

describe('stocktakes (盘点)', () => {
  it('record what was found, stating the differences, in each asset’s history', async () => {
    const [here, moved, missing] = [await card(), await card(p.assetManager, '激光打印机'), await card(p.assetManager, '投影仪')];
    const response = await as(t.app, p.assetManager).post('/api/stocktakes', {
      organisationId: p.departmentId,
      takenOn: '2024-12-20',
      note: '年度盘点',
      lines: [
        { assetId: here, found: true, locationFound: '局机关三楼综合科' },
        { assetId: moved, found: true, locationFound: '局机关二楼文印室' },
        { assetId: missing, found: false, difference: '未找到，疑借出未登记' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id, differenceCount } = response.json() as { id: string; differenceCount: number };
    expect(differenceCount).toBe(2);
    const detail = (await as(t.app, p.cashier).get(`/api/stocktakes/${id}`)).json() as {
      performedByName: string;
      lineCount: number;
      lines: { assetId: string; difference: string | null }[];
    };
    expect(detail).toMatchObject({ performedByName: '资产管理员（示例）', lineCount: 3 });
    expect(Object.fromEntries(detail.lines.map((line) => [line.assetId, line.difference]))).toEqual({
      [here]: null,
      [moved]: '存放地点不符：账面“局机关三楼综合科”，实际“局机关二楼文印室”',
      [missing]: '未找到，疑借出未登记',
    });
    expect((await asset(moved)).stocktakes).toEqual([
      expect.objectContaining({
        takenOn: '2024-12-20',
        found: true,
        difference: '存放地点不符：账面“局机关三楼综合科”，实际“局机关二楼文印室”',
      }),
    ]);
    expect((await asset(moved)).location).toBe('局机关三楼综合科');
    const list = (await as(t.app, p.head).get(`/api/stocktakes?organisationId=${p.departmentId}`)).json() as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toContain(id);
    expect((await as(t.app, p.outsider).get(`/api/stocktakes/${id}`)).statusCode).toBe(404);
  });

  it('refuses other units’ assets, repeated lines, future dates and other posts', async () => {
    const id = await card();
    const stocktake = (lines: unknown[], takenOn = '2024-12-20', session: Session = p.assetManager) =>
      as(t.app, session).post('/api/stocktakes', { organisationId: p.unitId, takenOn, lines });
    const foreign = await expectRejected(t, 400, () => stocktake([{ assetId: id, found: true }]));
    expect(foreign.details).toEqual([{ path: 'body.lines[0].assetId', message: '资产不存在或不属于所选单位' }]);
    const twice = await expectRejected(t, 400, () =>
      as(t.app, p.assetManager).post('/api/stocktakes', {
        organisationId: p.departmentId,
        takenOn: '2099-01-01',
        lines: [
          { assetId: id, found: true },
          { assetId: id, found: false },
        ],
      }),
    );
    expect(twice.details).toEqual([
      { path: 'body.takenOn', message: '盘点日期不能晚于今天' },
      { path: 'body.lines[1].assetId', message: '同一资产在一次盘点中只能出现一次' },
    ]);
    const role = await expectRejected(t, 403, () => stocktake([{ assetId: id, found: true }], '2024-12-20', p.requester));
    expect(role.message).toBe('此操作须由资产管理员执行');
    const [row] = await t.deps.db.select().from(stocktakes).limit(1);
    expect(row?.performedBy).toBe(p.assetManager.userId);
  });
});

describe('disposal (处置)', () => {
  const request = (id: string, version: number, session: Session) =>
    as(t.app, session).post(`/api/assets/${id}/disposals`, { version, reason: '使用年限已满，无法修复', method: '报废' });
  const decide = (id: string, disposalId: string, version: number, session: Session, approve = true, comment?: string) =>
    as(t.app, session).post(`/api/assets/${id}/disposals/${disposalId}/decision`, { version, approve, comment });

  it('is requested by the custodian, approved by someone else, and leaves the asset disposed', async () => {
    const id = await card(p.accountant);
    const disposal = created(await request(id, 1, p.accountant));
    expect(await asset(id)).toMatchObject({ status: 'disposal-requested', version: 2 });
    const approved = await decide(id, disposal, 2, p.approver, true, '同意报废');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'disposed', statusLabel: '已处置', version: 3 });
    expect(approved.json().disposals[0]).toMatchObject({
      status: 'approved',
      requestedByName: '财务审核（示例）',
      decidedByName: '审批人（示例）',
    });
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'disposal.request', 'disposal.approve']);
    const again = await expectRejected(t, 409, () => request(id, 3, p.assetManager));
    expect(again.message).toBe('资产处于“已处置”状态，不能申请处置');
    await expectRejected(t, 409, () => as(t.app, p.assetManager).patch(`/api/assets/${id}`, { version: 3, location: '仓库' }));
    const count = await expectRejected(t, 400, () =>
      as(t.app, p.assetManager).post('/api/stocktakes', {
        organisationId: p.departmentId,
        takenOn: '2024-12-31',
        lines: [{ assetId: id, found: false }],
      }),
    );
    expect(count.details?.[0]?.message).toBe('资产“台式计算机”已处置，不参加盘点');
  });

  it('IC_DISPOSAL_APPROVAL: the requester may not approve their own request, even holding both posts', async () => {
    const id = await card();
    const disposal = created(await request(id, 1, p.assetApprover));
    const refusal = await expectRefused(t, 'IC_DISPOSAL_APPROVAL', () => decide(id, disposal, 2, p.assetApprover));
    expect(refusal.message).toBe('资产处置由你申请，不能由你审批');
    const [row] = await t.deps.db.select().from(assetDisposals).where(eq(assetDisposals.id, disposal));
    expect(row?.status).toBe('requested');
    expect(await asset(id)).toMatchObject({ status: 'disposal-requested', version: 2 });
  });

  it('is requested only by the 资产管理员 or the custodian, decided only by an 审批人 or 部门负责人', async () => {
    const id = await card(p.accountant);
    const stranger = await expectRejected(t, 403, () => request(id, 1, p.requester));
    expect(stranger.message).toBe('资产处置须由资产管理员或该资产的保管人申请');
    const disposal = created(await request(id, 1, p.assetManager));
    await expectRejected(t, 403, () => decide(id, disposal, 2, p.cashier));
    await expectRejected(t, 409, () => decide(id, disposal, 1, p.head));
    const noReason = await expectRejected(t, 400, () => decide(id, disposal, 2, p.head, false));
    expect(noReason.details).toEqual([{ path: 'body.comment', message: '驳回须说明理由' }]);
    const rejected = await decide(id, disposal, 2, p.head, false, '尚可修复使用');
    expect(rejected.json()).toMatchObject({ status: 'in-use', version: 3 });
    expect(rejected.json().disposals[0]).toMatchObject({ status: 'rejected', comment: '尚可修复使用' });
    const decidedTwice = await expectRejected(t, 409, () => decide(id, disposal, 3, p.approver));
    expect(decidedTwice.message).toBe('资产处置申请处于“已驳回”状态，不能审批');
  });
});

describe('the demo', () => {
  it('has asset cards kept by someone other than their accepter, and a year-end count with one difference', async () => {
    const rows = await t.deps.db
      .select({ code: assets.code, custodianId: assets.custodianId, acceptedBy: contractMilestones.acceptedBy })
      .from(assets)
      .innerJoin(contractMilestones, eq(contractMilestones.id, assets.milestoneId))
      .where(eq(assets.organisationId, p.departmentId));
    const demo = rows.filter((row) => row.code.startsWith('ZC2024-'));
    expect(demo.length).toBeGreaterThanOrEqual(7);
    expect(demo.every((row) => row.custodianId !== row.acceptedBy)).toBe(true);
    const list = (await as(t.app, p.assetManager).get(`/api/stocktakes?organisationId=${p.departmentId}`)).json() as {
      items: { takenOn: string; lineCount: number; differenceCount: number }[];
    };
    expect(list.items.find((item) => item.takenOn === '2024-12-20' && item.lineCount === 7)).toMatchObject({ differenceCount: 1 });
  });
});
