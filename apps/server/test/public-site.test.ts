import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RereviewDetail, RereviewSampleDetail } from '@jixiao/contract';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, publishedFigures } from '../src/db/schema.ts';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/**
 * The public site (公开): the department page with its evaluations, score charts, approved targets and
 * published re-reviews; the styled 404; the literal search; the phone opt-in and who may change it; the
 * 自评表 .xlsx frozen at publication. The demo's two FY2024 evaluations are published through the workflow.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let departmentEvaluationId: string;
let projectEvaluationId: string;
let departmentId: string;

const DEPARTMENT = '广州市番禺区科技工业商务和信息化局';
const PHONE = '020-34611158';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const get = (url: string) => t.app.inject({ method: 'GET', url });
const hundredths = (text: string) => Math.round(Number(text) * 100);
const text = (value: number) => (value / 100).toFixed(2);

async function step(session: Session, id: string, action: string) {
  const response = await transition(t.app, session, id, action);
  if (response.statusCode !== 200) throw new Error(`${action} ${id}: ${response.statusCode} ${response.body}`);
}

/** A round over both evaluations: the project re-scored 1.00 lower on one item, the department as self-scored; published. */
async function publishRereview() {
  const created = await as(t.app, s.finance).post('/api/rereviews', {
    fiscalYear: 2024,
    title: '2024 年度抽查复核',
    rule: { threshold: '0.01' },
    seed: 'public-site',
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const roundId = created.json().id as string;
  const round = async () => (await as(t.app, s.finance).get(`/api/rereviews/${roundId}`)).json() as RereviewDetail;
  await as(t.app, s.finance).post(`/api/rereviews/${roundId}/confirm`, { version: (await round()).version });
  for (const entry of (await round()).sample) {
    const sampleUrl = `/api/rereviews/${roundId}/samples/${entry.sampleId}`;
    const view = (await as(t.app, s.finance).get(sampleUrl)).json() as RereviewSampleDetail;
    const lower = entry.evaluationId === projectEvaluationId;
    const scores = view.items.map((item, position) =>
      lower && position === 0 && hundredths(item.selfScore) >= 100
        ? { itemId: item.itemId, score: text(hundredths(item.selfScore) - 100), reason: '佐证材料不足以支持满分' }
        : { itemId: item.itemId, score: item.selfScore },
    );
    const saved = await as(t.app, s.finance).put(`${sampleUrl}/scores`, { scores, version: view.version });
    if (saved.statusCode !== 200) throw new Error(saved.body);
    const ready = (await as(t.app, s.finance).get(sampleUrl)).json() as RereviewSampleDetail;
    const done = await as(t.app, s.finance).post(`${sampleUrl}/complete`, {
      opinion: lower ? '个别指标评分偏高' : '自评客观',
      version: ready.version,
    });
    if (done.statusCode !== 200) throw new Error(done.body);
  }
  const published = await as(t.app, s.finance).post(`/api/rereviews/${roundId}/publish`, { version: (await round()).version });
  if (published.statusCode !== 200) throw new Error(published.body);
}

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department, project } = await demoEvaluations(t.app, s.finance);
  if (!department || !project) throw new Error('demo evaluations missing');
  departmentEvaluationId = department.id;
  projectEvaluationId = project.id;
  for (const id of [departmentEvaluationId, projectEvaluationId]) await step(s.preparer, id, 'submit');
  await publishRereview();
  for (const id of [departmentEvaluationId, projectEvaluationId]) {
    await step(s.reviewer, id, 'approve');
    await step(s.finance, id, 'approve');
    await step(s.finance, id, 'publish');
  }
  const organisations = (await as(t.app, s.admin).get('/api/organisations')).json().items as { id: string; code: string }[];
  departmentId = organisations.find((entry) => entry.code === 'PY-KGSX')?.id as string;
});
afterAll(async () => t?.close());

describe('the department page /public/<部门编码>', () => {
  it('shows each published evaluation with its total, grade, score chart and link, and no internal id', async () => {
    const page = await get('/public/PY-KGSX');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(`<h1 data-testid="public-department-name">${DEPARTMENT}</h1>`);
    expect(page.body).toContain('2024年度');
    expect(page.body).toContain('自评分 <strong>99.52</strong> 分');
    expect(page.body).toContain('href="/public/PY-KGSX/2024"');
    // The unit's project evaluation belongs to the department's page too.
    expect(page.body).toContain('href="/public/PY-KGSX-02/2024/projects/XM2024-017"');
    expect(page.body.match(/data-testid="public-score-chart"/g)).toHaveLength(2);
    expect(page.body).toMatch(/<svg[^>]*aria-label="各一级指标得分与分值"/);
    expect(page.body).toContain('财预〔2020〕10号');
    expect(page.body).not.toMatch(UUID);
    expect(page.body).not.toContain('.json');
  });

  it('draws each 一级指标 bar from the frozen figures: score against weight', async () => {
    const [figures] = await t.deps.db.select().from(publishedFigures).where(eq(publishedFigures.evaluationId, departmentEvaluationId));
    if (!figures) throw new Error('no frozen figures');
    const page = await get('/public/PY-KGSX');
    for (const part of figures.selfEvaluation.parts) {
      expect(page.body).toContain(`${part.label}：得分 ${text(part.score)}，分值 ${text(part.weight)}`);
    }
    expect(figures.selfEvaluation.parts.reduce((sum, part) => sum + part.score, 0)).toBe(9952);
  });

  it('shows the approved targets (latest version, adjusted values beside the originals) and never a draft', async () => {
    const page = await get('/public/PY-KGSX');
    expect(page.body).toContain('部门整体支出绩效目标');
    expect(page.body).toContain('中小企业数字化转型培训及服务券项目（示例） 项目支出绩效目标');
    // The demo adjusts one 数量指标 of the training project this year: version 2, with the original struck through.
    expect(page.body).toContain('经绩效目标调整后的第 2 版');
    expect(page.body).toContain('<th>调整前指标值</th>');
    expect(page.body).toMatch(/<span class="was">[^<]+<\/span>/);
    // Submitted and returned declarations of next year are not public.
    expect(page.body).not.toContain('中小企业公共服务平台运营项目');
    expect(page.body).not.toContain('平台服务企业家次');
  });

  it('shows the published re-review results: 自评分, 复核分 and 偏差 per evaluation', async () => {
    const page = await get('/public/PY-KGSX');
    expect(page.body).toContain('2024 年度抽查复核');
    expect(page.body).toContain('<th>自评分</th><th>复核分</th><th>偏差</th>');
    expect(page.body).toMatch(/<td class="num">1\.00<\/td><td>个别指标评分偏高<\/td>/);
    expect(page.body).toMatch(/<td class="num">0\.00<\/td><td>自评客观<\/td>/);
  });

  it('has a page for a unit code too, naming its department', async () => {
    const page = await get('/public/PY-KGSX-02');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/public/PY-KGSX"');
    expect(page.body).toContain('href="/public/PY-KGSX-02/2024/projects/XM2024-017"');
    expect(page.body).not.toContain('href="/public/PY-KGSX/2024"');
  });
});

describe('not found', () => {
  it.each([
    ['/public/NOPE', '没有找到编码为“NOPE”的部门或单位。'],
    ['/public/PY-CZJ', '没有找到编码为“PY-CZJ”的部门或单位。'],
    ['/public/PY-KGSX/2019', '没有找到编码为“PY-KGSX”的部门或单位2019年度的公开绩效自评报告。'],
    ['/public/PY-KGSX/abcd', '没有找到编码为“PY-KGSX”的部门或单位“abcd”年度的公开绩效自评报告。'],
    ['/public/PY-KGSX/2024/projects/NOPE', '项目“NOPE”的公开绩效自评报告。'],
    ['/public/PY-KGSX/2019/report.docx', '无法下载 Word 版'],
    ['/public/PY-KGSX/2019/self-evaluation.xlsx', '无法下载自评表'],
    ['/public/PY-KGSX/2024/nothing/here', '没有这个公开页面：/public/PY-KGSX/2024/nothing/here'],
    ['/public/%E6%97%A0/x/y/z', '没有这个公开页面：/public/无/x/y/z'],
  ])('%s answers the styled HTML 404 page saying what was asked for', async (url, said) => {
    const response = await get(url);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('data-testid="public-not-found"');
    expect(response.body).toContain(said);
    expect(response.body).toContain('<a href="/public">返回公开首页</a>');
  });

  it('keeps the API’s JSON 404', async () => {
    const response = await as(t.app, s.auditor).get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});

describe('search /public?q=&year=', () => {
  it('finds by department name, a unit’s code (through its department) and report title', async () => {
    for (const q of ['科技工业商务', 'PY-KGSX-02', '项目支出绩效自评表说明', 'py-kgsx']) {
      const page = await get(`/public?q=${encodeURIComponent(q)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body, q).toContain('data-testid="public-results"');
    }
    const unit = await get(`/public?q=${encodeURIComponent('PY-KGSX-02')}`);
    expect(unit.body).toContain('href="/public/PY-KGSX-02/2024/projects/XM2024-017"');
    expect(unit.body).not.toContain('href="/public/PY-KGSX/2024"');
    expect(unit.body).toContain('搜索结果（1 份）');
  });

  it('matches literally: % and _ match only themselves, and the empty state says what was searched', async () => {
    for (const q of ['%', '_', 'PY%KGSX']) {
      const page = await get(`/public?q=${encodeURIComponent(q)}`);
      expect(page.body, q).toContain('data-testid="public-empty"');
      expect(page.body).toContain(`没有找到与“${q}”相符的已公开绩效自评报告`);
    }
    expect((await get('/api/public/reports?q=%25')).json().items).toEqual([]);
    expect((await get('/api/public/reports?q=PY-KGSX-02')).json().items).toHaveLength(1);
  });

  it('filters by year; a year that is no year is said so and ignored', async () => {
    expect((await get('/public?year=2023')).body).toContain('没有找到2023年度的已公开绩效自评报告');
    const year = await get('/public?year=2024');
    expect(year.body).toContain('搜索结果（2 份）');
    // The choices are the years anything is published for.
    expect(year.body.match(/<option value="\d{4}"/g)).toEqual(['<option value="2024"']);
    expect(year.body).toContain('<option value="2024" selected>');
    const wrong = await get('/public?year=abc');
    expect(wrong.statusCode).toBe(200);
    expect(wrong.body).toContain('“abc”不是有效的年度');
    expect(wrong.body).toContain('data-testid="public-results"');
    expect((await get('/api/public/reports?year=2023')).json().items).toEqual([]);
  });

  it('escapes what was typed', async () => {
    const page = await get(`/public?q=${encodeURIComponent('<script>x</script>')}`);
    expect(page.body).not.toContain('<script>x</script>');
    expect(page.body).toContain('&lt;script&gt;');
  });
});

describe('the preparer’s phone: only where the department opts in', () => {
  it('is hidden by default, on the page and in the downloaded report', async () => {
    const page = await get('/public/PY-KGSX/2024');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(PHONE);
    expect(page.body).not.toContain('填报人联系电话');
    const docx = await get('/public/PY-KGSX/2024/report.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('吴晓东');
    expect(xml).not.toContain(PHONE);
    const settings = await as(t.app, s.reviewer).get(`/api/public-settings/${departmentId}`);
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({
      organisationName: DEPARTMENT,
      showPreparerPhone: false,
      version: 0,
      permissions: { edit: true },
    });
  });

  it('may be changed only by the department’s reviewer or head (or an administrator)', async () => {
    for (const session of [s.finance, s.preparer]) {
      const refused = await as(t.app, session).put(`/api/public-settings/${departmentId}`, { showPreparerPhone: true, version: 0 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe('公开设置须由本部门的部门审核人或部门负责人修改');
    }
    expect((await as(t.app, s.finance).get(`/api/public-settings/${departmentId}`)).json().permissions).toEqual({ edit: false });
    // A unit's user does not see the department; a reviewer of another department neither.
    expect(
      (await as(t.app, s.unitPreparer).put(`/api/public-settings/${departmentId}`, { showPreparerPhone: true, version: 0 })).statusCode,
    ).toBe(404);
    const organisations = (await as(t.app, s.admin).get('/api/organisations')).json().items as { id: string; code: string }[];
    const bureau = organisations.find((entry) => entry.code === 'PY-CZJ')?.id;
    const other = await as(t.app, s.admin).post('/api/organisations', {
      kind: 'department',
      parentId: bureau,
      code: 'PY-OTHER',
      name: '另一部门（示例）',
    });
    expect(other.statusCode, other.body).toBe(201);
    const user = await as(t.app, s.admin).post('/api/users', {
      username: 'other.reviewer',
      displayName: '另一部门审核人',
      organisationId: other.json().id,
      roles: [{ role: 'department-reviewer', organisationId: other.json().id }],
    });
    expect(user.statusCode, user.body).toBe(201);
    const first = await login(t.app, 'other.reviewer', user.json().initialPassword);
    await as(t.app, first).post('/api/auth/password', { currentPassword: user.json().initialPassword, newPassword: 'Public-Site-2026!' });
    const otherReviewer = await login(t.app, 'other.reviewer', 'Public-Site-2026!');
    const outside = await as(t.app, otherReviewer).put(`/api/public-settings/${departmentId}`, { showPreparerPhone: true, version: 0 });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toBe('公开设置不存在或无权访问');
    // A unit has no setting of its own: its department's applies.
    const unit = organisations.find((entry) => entry.code === 'PY-KGSX-02')?.id;
    const onUnit = await as(t.app, s.reviewer).put(`/api/public-settings/${unit}`, { showPreparerPhone: true, version: 0 });
    expect(onUnit.statusCode).toBe(400);
    expect(onUnit.json().details[0]).toMatchObject({ path: 'params.organisationId' });
    expect((await get('/public/PY-KGSX/2024')).body).not.toContain(PHONE);
  });

  it('shows the phone on the department’s report pages once opted in; audited; a stale version is refused', async () => {
    const saved = await as(t.app, s.reviewer).put(`/api/public-settings/${departmentId}`, { showPreparerPhone: true, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ showPreparerPhone: true, version: 1, updatedByName: '部门审核人（示例）' });
    const stale = await as(t.app, s.head).put(`/api/public-settings/${departmentId}`, { showPreparerPhone: false, version: 0 });
    expect(stale.statusCode).toBe(409);
    const page = await get('/public/PY-KGSX/2024');
    expect(page.body).toContain(`<p data-testid="public-phone">填报人联系电话：${PHONE}</p>`);
    // The unit's project report is the department's to disclose too.
    expect((await get('/public/PY-KGSX-02/2024/projects/XM2024-017')).body).toContain('填报人联系电话：020-00000000');
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'public-settings'), eq(auditLog.entityId, departmentId)));
    expect(audit.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['update', { showPreparerPhone: false }, { showPreparerPhone: true }],
    ]);
    const off = await as(t.app, s.head).put(`/api/public-settings/${departmentId}`, { showPreparerPhone: false, version: 1 });
    expect(off.statusCode, off.body).toBe(200);
    expect((await get('/public/PY-KGSX/2024')).body).not.toContain(PHONE);
  });
});

describe('the 自评表 as .xlsx', () => {
  async function rows(url: string): Promise<string[][]> {
    const response = await get(url);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      response.rawPayload.buffer.slice(
        response.rawPayload.byteOffset,
        response.rawPayload.byteOffset + response.rawPayload.byteLength,
      ) as ArrayBuffer,
    );
    const result: string[][] = [];
    book.worksheets[0]?.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        if (!cell.isMerged || cell.master === cell) cells.push(String(cell.value ?? ''));
      });
      result.push(cells);
    });
    return result;
  }

  it('is linked from the report page and re-reads with the published rows and total', async () => {
    expect((await get('/public/PY-KGSX/2024')).body).toContain('href="/public/PY-KGSX/2024/self-evaluation.xlsx"');
    const department = await rows('/public/PY-KGSX/2024/self-evaluation.xlsx');
    expect(department[0]).toEqual(['部门整体支出绩效自评表']);
    expect(department[2]).toEqual(['部门名称', DEPARTMENT]);
    expect(department.find((row) => row[0] === '合计')).toEqual(['合计', '', '', '', '', '100.00', '99.52', '评价等级：优']);
    const view = await detail(t.app, s.auditor, departmentEvaluationId);
    const names = department.slice(department.findIndex((row) => row[0] === '一级指标') + 1).map((row) => row[2]);
    for (const indicator of view.indicators) expect(names).toContain(indicator.name);
    const project = await rows('/public/PY-KGSX-02/2024/projects/XM2024-017/self-evaluation.xlsx');
    expect(project[0]).toEqual(['项目支出绩效自评表']);
    expect(project[2]).toEqual(['项目名称', '中小企业数字化转型培训及服务券项目（示例）']);
  });

  it.skipIf(process.env.JIXIAO_SKIP_BROWSER === '1')(
    'offers the same table as PDF, printed from the frozen table: a PDF whose text holds the rows and the total',
    async () => {
      expect((await get('/public/PY-KGSX/2024')).body).toContain('href="/public/PY-KGSX/2024/self-evaluation.pdf"');
      const response = await get('/public/PY-KGSX/2024/self-evaluation.pdf');
      expect(response.statusCode, 'Chromium is needed: apt-get install chromium fonts-noto-cjk (or JIXIAO_SKIP_BROWSER=1)').toBe(200);
      expect(response.headers['content-type']).toContain('application/pdf');
      expect(String(response.headers['content-disposition'])).toContain(encodeURIComponent('部门整体支出绩效自评表.pdf'));
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-table-pdf-'));
      try {
        writeFileSync(join(dir, 'table.pdf'), response.rawPayload);
        const printed = spawnSync('pdftotext', ['-layout', join(dir, 'table.pdf'), '-'], { encoding: 'utf8' });
        // Without poppler-utils the bytes are still checked above; the text is checked where pdftotext exists.
        if (printed.error) return;
        expect(printed.stdout).toContain('部门整体支出绩效自评表');
        expect(printed.stdout).toContain(DEPARTMENT);
        expect(printed.stdout).toMatch(/合计[\s\S]*100\.00[\s\S]*99\.52[\s\S]*评价等级：优/);
        // Indicator names and column heads wrap inside their narrow cells; the header block's labels read whole.
        for (const label of ['年度总体目标', '总体完成情况', '预算执行情况（万元）']) expect(printed.stdout).toContain(label);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('goes with the report when the publication is withdrawn', async () => {
    const { revision } = await detail(t.app, s.finance, projectEvaluationId);
    const withdrawn = await as(t.app, s.finance).post(`/api/evaluations/${projectEvaluationId}/withdraw-publication`, {
      revision,
      reason: '数据有误，核实后重新公开',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await t.deps.db.select().from(publishedFigures).where(eq(publishedFigures.evaluationId, projectEvaluationId))).toEqual([]);
    const gone = await get('/public/PY-KGSX-02/2024/projects/XM2024-017/self-evaluation.xlsx');
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('text/html');
    expect((await get('/public/PY-KGSX')).body).not.toContain('href="/public/PY-KGSX-02/2024/projects/XM2024-017"');
  });
});
