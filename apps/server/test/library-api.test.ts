import type { DeclaredIndicatorFields, LibraryHistory, SaveLibraryEntry } from '@jixiao/contract';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, controlSettings, indicatorUsage } from '../src/db/schema.ts';
import { refreshAllUsageValues } from '../src/library/library.repository.ts';
import { demoSessions } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';
import { declarationDetail, declarationProject, FULL_INDICATORS, form, reasonsFor, step } from './targets-fixtures.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;

const ENTRY: SaveLibraryEntry = {
  code: 'T-LIB-01',
  category: '测试类别',
  industry: '工业和信息化',
  level1: 'output',
  level2: 'quantity',
  name: '服务企业户数',
  direction: '>=',
  unit: '家',
  targetHint: '按年度计划',
  description: '全年提供诊断或改造服务的企业户数',
  formula: '服务台账中不重复的企业户数',
  dataSource: '服务台账',
  evidence: '服务台账、签到表',
};

async function createEntry(values: Partial<SaveLibraryEntry>): Promise<string> {
  const response = await as(t.app, s.finance).post('/api/indicator-library', { ...ENTRY, ...values });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** A use of an entry recorded before the system (source history), as the demo's and these tests' past years. */
const use = (entry: string, year: number, code: string, target: string | null, actual: string | null = null) => ({
  libraryEntryId: entry,
  fiscalYear: year,
  projectCode: code,
  projectName: `项目 ${code}`,
  organisationName: `单位 ${code}`,
  direction: '>=',
  unit: '家',
  target,
  actual,
  source: 'history' as const,
});

let counted: string;
let peersWin: string;
let fewPeers: string;
const PROJECT = 'LIB-SUGGEST-01';

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  counted = await createEntry({ code: 'T-LIB-02', name: '服务企业户数（上年实际优先）' });
  peersWin = await createEntry({ code: 'T-LIB-03', name: '诊断报告份数', unit: '份' });
  fewPeers = await createEntry({ code: 'T-LIB-04', name: '改造示范企业数' });
  const peers = (entry: string, targets: string[], actuals: (string | null)[] = []) =>
    targets.map((target, index) => use(entry, 2025, `PEER-${index + 1}`, target, actuals[index] ?? null));
  await t.deps.db.insert(indicatorUsage).values([
    // Five peers: QUARTILE.INC over 50…250 gives Q1 100, median 150, Q3 200.
    ...peers(counted, ['250', '50', '150', '100', '200'], ['260', '40', '155.5', '100', '210']),
    use(counted, 2025, PROJECT, '280', '300'),
    use(counted, 2024, PROJECT, '260', '275'),
    use(counted, 2024, 'PEER-1', '240', '250'),
    ...peers(peersWin, ['140', '150', '150', '160', '170', '180']),
    // The project's own target is far above its peers: it must not count among them.
    use(peersWin, 2025, PROJECT, '9999', '120'),
    ...peers(fewPeers, ['10', '20', '30']),
  ]);
  await refreshAllUsageValues(t.deps.db);
}, 60_000);
afterAll(() => t.close());

describe('指标库: maintained by the finance bureau', () => {
  it('lists entries with their fields and who may maintain them', async () => {
    const byFinance = (await as(t.app, s.finance).get('/api/indicator-library?category=测试类别')).json();
    expect(byFinance.permissions).toEqual({ create: true });
    expect(byFinance.items.map((item: { code: string }) => item.code)).toEqual(['T-LIB-02', 'T-LIB-03', 'T-LIB-04']);
    expect(byFinance.items[0]).toMatchObject({
      industry: '工业和信息化',
      formula: '服务台账中不重复的企业户数',
      dataSource: '服务台账',
      evidence: '服务台账、签到表',
      status: 'active',
      updatedBy: '财政审核人（示例）',
      usedBy: { year: 2025, projects: 6 },
      permissions: { edit: true },
    });
    const byPreparer = (await as(t.app, s.unitPreparer).get('/api/indicator-library?q=诊断报告')).json();
    expect(byPreparer.permissions).toEqual({ create: false });
    expect(byPreparer.items.map((item: { code: string }) => item.code)).toEqual(['T-LIB-03']);
    expect(byPreparer.items[0].permissions).toEqual({ edit: false });
    const seeded = (await as(t.app, s.unitPreparer).get('/api/indicator-library?category=培训')).json();
    expect(seeded.items[0]).toMatchObject({ code: 'PX-01', industry: '通用', dataSource: '项目台账、验收资料' });
    expect(seeded.categories).toEqual(expect.arrayContaining(['培训', '测试类别']));
  });

  it('refuses a preparer with a Chinese message', async () => {
    const created = await as(t.app, s.unitPreparer).post('/api/indicator-library', { ...ENTRY, code: 'T-LIB-99' });
    expect(created.statusCode).toBe(403);
    expect(created.json().message).toBe('指标库由财政局维护：只有财政局的财政审核人或系统管理员可以新增或修改指标库条目');
    const edited = await as(t.app, s.reviewer).put(`/api/indicator-library/${counted}`, { ...ENTRY, version: 1 });
    expect(edited.statusCode).toBe(403);
  });

  it('names the field and value of a duplicate or an unknown direction', async () => {
    const code = await as(t.app, s.admin).post('/api/indicator-library', { ...ENTRY, code: 'T-LIB-02', name: '另一个名称' });
    expect(code.statusCode).toBe(409);
    expect(code.json().details).toEqual([
      { path: 'body.code', message: '指标编码“T-LIB-02”已被指标“服务企业户数（上年实际优先）”使用，编码不能重复' },
    ]);
    const name = await as(t.app, s.admin).post('/api/indicator-library', { ...ENTRY, code: 'T-LIB-05', name: '诊断报告份数' });
    expect(name.statusCode).toBe(409);
    expect(name.json().message).toBe('项目类别“测试类别”下已有名为“诊断报告份数”的指标（编码 T-LIB-03），同一类别内名称不能重复');
    const otherType = await as(t.app, s.admin).post('/api/indicator-library', {
      ...ENTRY,
      code: 'T-LIB-05',
      category: '另一类别',
      name: '诊断报告份数',
    });
    expect(otherType.statusCode).toBe(201);
    const direction = await as(t.app, s.admin).post('/api/indicator-library', { ...ENTRY, code: 'T-LIB-06', direction: '≥' });
    expect(direction.statusCode).toBe(400);
    expect(direction.json().details).toEqual([
      { path: 'body.direction', message: '指标方向“≥”无法识别，应为 >=、>、<=、<、=、qualitative 之一' },
    ]);
  });

  it('edits with the version seen, retires an entry (no longer offered, history kept), audited', async () => {
    const retired = await createEntry({ code: 'T-LIB-07', name: '待停用指标' });
    const saved = await as(t.app, s.finance).put(`/api/indicator-library/${retired}`, {
      ...ENTRY,
      code: 'T-LIB-07',
      name: '待停用指标',
      status: 'retired',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await as(t.app, s.finance).put(`/api/indicator-library/${retired}`, {
      ...ENTRY,
      code: 'T-LIB-07',
      name: '待停用指标',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const offered = (await as(t.app, s.unitPreparer).get('/api/indicator-library?category=测试类别')).json();
    expect(offered.items.map((item: { code: string }) => item.code)).not.toContain('T-LIB-07');
    const all = (await as(t.app, s.finance).get('/api/indicator-library?category=测试类别&includeRetired=true')).json();
    expect(all.items.find((item: { code: string }) => item.code === 'T-LIB-07')).toMatchObject({ status: 'retired' });
    expect((await as(t.app, s.unitPreparer).get(`/api/indicator-library/${retired}/history`)).statusCode).toBe(200);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, retired)).orderBy(asc(auditLog.seq));
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
  });
});

describe('指标库: history per entry', () => {
  it('lists every use and the exact distributions per year', async () => {
    const response = await as(t.app, s.unitPreparer).get(`/api/indicator-library/${counted}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json() as LibraryHistory;
    expect(history.years).toEqual([
      {
        year: 2024,
        projects: 2,
        targets: { count: 2, min: '240', q1: '245', median: '250', q3: '255', max: '260' },
        actuals: { count: 2, min: '250', q1: '256.25', median: '262.5', q3: '268.75', max: '275' },
      },
      {
        year: 2025,
        projects: 6,
        targets: { count: 6, min: '50', q1: '112.5', median: '175', q3: '237.5', max: '280' },
        actuals: { count: 6, min: '40', q1: '113.875', median: '182.75', q3: '247.5', max: '300' },
      },
    ]);
    expect(history.usesTotal).toBe(8);
    expect(history.uses[0]).toMatchObject({ year: 2025, projectCode: PROJECT, target: '280', actual: '300', source: 'history' });
    expect(history.entry.usedBy).toEqual({ year: 2025, projects: 6 });
  });
});

describe('申报时的目标值建议', () => {
  let id: string;
  const bound = (entry: string, name: string, target: string): DeclaredIndicatorFields => ({
    level1: 'output',
    level2: 'quantity',
    name,
    nature: 'quantitative',
    direction: '>=',
    target,
    unit: '家',
    libraryEntryId: entry,
  });

  beforeAll(async () => {
    const project = await declarationProject(t, PROJECT);
    const created = await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id });
    id = created.json().id;
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    const saved = await as(t.app, s.unitPreparer).put(
      `/api/declarations/${id}`,
      form(view, [
        ...FULL_INDICATORS,
        bound(counted, '服务企业户数', '300'),
        bound(peersWin, '诊断报告份数', '1000'),
        bound(fewPeers, '改造示范企业数', '20'),
      ]),
    );
    expect(saved.statusCode, saved.body).toBe(200);
  }, 60_000);

  it('suggests from last year’s actual, the peers’ median, or says there are too few peers', async () => {
    const response = await as(t.app, s.unitPreparer).get(`/api/declarations/${id}/suggestions`);
    expect(response.statusCode, response.body).toBe(200);
    const { rule, items } = response.json();
    expect(rule).toEqual({ sources: ['lastYearActual', 'peerTargetMedian'], minPeers: 5 });
    const [lastYear, peers, few] = items;
    expect(lastYear).toMatchObject({
      libraryEntryId: counted,
      year: 2025,
      lastYearTarget: '280',
      lastYearActual: '300',
      peerTargets: { count: 5, min: '50', q1: '100', median: '150', q3: '200', max: '250' },
      peerActuals: { count: 5, median: '155.5' },
      target: '300',
      bound: 'atLeast',
      explanation: '上年实际值 300 家、同类 5 个项目目标值中位数 150 家，建议不低于 300 家',
    });
    expect(peers).toMatchObject({
      lastYearActual: '120',
      peerTargets: { count: 6, median: '155', max: '180' },
      target: '155',
      explanation: '上年实际值 120 家、同类 6 个项目目标值中位数 155 家，建议不低于 155 家',
    });
    expect(few).toMatchObject({
      lastYearActual: null,
      peerTargets: { count: 3, median: '20' },
      target: null,
      explanation: '无上年实际值，且同类项目不足 5 个，暂无建议',
    });
  });

  it('answers for an entry picked but not saved yet', async () => {
    const other = await createEntry({ code: 'T-LIB-08', name: '未保存的指标' });
    const response = await as(t.app, s.unitPreparer).get(`/api/declarations/${id}/suggestions?libraryEntryIds=${other},${counted}`);
    const items = response.json().items as { indicatorId: string | null; libraryEntryId: string }[];
    expect(items).toHaveLength(4);
    expect(items[3]).toMatchObject({ indicatorId: null, libraryEntryId: other });
    const bad = await as(t.app, s.unitPreparer).get(`/api/declarations/${id}/suggestions?libraryEntryIds=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].message).toBe('指标库条目编号“abc”格式不正确');
  });

  it('has the demo’s history to speak of for a common entry', async () => {
    const seeded = (await as(t.app, s.unitPreparer).get('/api/indicator-library?q=培训人次')).json();
    const entry = seeded.items[0];
    expect(entry).toMatchObject({ code: 'PX-02', usedBy: { year: 2026, projects: 6 } });
    const response = await as(t.app, s.unitPreparer).get(`/api/declarations/${id}/suggestions?libraryEntryIds=${entry.id}`);
    const suggestion = response.json().items.find((item: { libraryEntryId: string }) => item.libraryEntryId === entry.id);
    expect(suggestion.peerTargets.count).toBe(6);
    expect(suggestion.peerActuals.count).toBe(6);
    expect(suggestion.target).toBe(suggestion.peerTargets.median);
    expect(suggestion.explanation).toMatch(/^同类 6 个项目目标值中位数 \d+ 人次，建议不低于 \d+ 人次$/);
  });

  it('flags a target far from last year’s peers (this project excluded)', async () => {
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    const far = view.findings.filter((entry) => entry.code === 'DECLARATION_TARGET_FAR_FROM_PEERS');
    expect(far.map((entry) => entry.message)).toEqual([
      '指标“诊断报告份数”目标值 1000 超出同类 6 个项目的合理区间 [75, 335]（下四分位数 150、中位数 155、上四分位数 167.5）；请核实或说明原因',
    ]);
  });

  it('takes the rule from the control settings, and says what is wrong with a bad one', async () => {
    const [before] = await t.deps.db.select().from(controlSettings).where(eq(controlSettings.id, 1));
    const put = async (config: Record<string, unknown>) =>
      t.deps.db.insert(controlSettings).values({ id: 1, config }).onConflictDoUpdate({ target: controlSettings.id, set: { config } });
    try {
      await put({ ...before?.config, targetSuggestion: { minPeers: 3 } });
      const loose = (await as(t.app, s.unitPreparer).get(`/api/declarations/${id}/suggestions`)).json();
      expect(loose.items[2]).toMatchObject({ target: '20', explanation: '同类 3 个项目目标值中位数 20 家，建议不低于 20 家' });
      await put({ ...before?.config, targetSuggestion: { minPeers: 0 } });
      const bad = await as(t.app, s.unitPreparer).get(`/api/declarations/${id}/suggestions`);
      expect(bad.statusCode).toBe(503);
      expect(bad.json().message).toBe(
        '内部控制设置中的目标值建议规则（targetSuggestion）有误：minPeers 应为 1 至 1000 的整数，读到 0。请系统管理员修改后再试。',
      );
    } finally {
      await put(before?.config ?? {});
    }
  });

  it('records the approved lines as the entries’ history', async () => {
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    expect((await step(t.app, s.unitPreparer, id, { action: 'submit', reasons: reasonsFor(view) })).statusCode).toBe(200);
    expect((await step(t.app, s.reviewer, id, { action: 'approve' })).statusCode).toBe(200);
    const opinions = view.indicators.map((line) => ({ indicatorId: line.id, verdict: 'pass' }));
    const approved = await step(t.app, s.finance, id, { action: 'approve', opinions });
    expect(approved.statusCode, approved.body).toBe(200);
    const rows = await t.deps.db
      .select()
      .from(indicatorUsage)
      .where(eq(indicatorUsage.declarationId, id))
      .orderBy(asc(indicatorUsage.target));
    expect(rows.map((row) => [row.libraryEntryId, row.fiscalYear, row.projectCode, row.target, row.source])).toEqual([
      [fewPeers, 2026, PROJECT, '20', 'approved'],
      [counted, 2026, PROJECT, '300', 'approved'],
      [peersWin, 2026, PROJECT, '1000', 'approved'],
    ]);
    const history = (await as(t.app, s.unitPreparer).get(`/api/indicator-library/${counted}/history`)).json() as LibraryHistory;
    expect(history.years.at(-1)).toMatchObject({ year: 2026, projects: 1, targets: { count: 1, median: '300' }, actuals: null });
  });
});
