import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, detail, uploadWorkbook } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let id: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department } = await demoEvaluations(t.app, s.preparer);
  id = department?.id ?? '';
});
afterAll(() => t.close());

const upload = (filename: string, bytes: Uint8Array | string) => uploadWorkbook(t.app, s.preparer, id, filename, bytes);

describe('the evaluation workbook through the API', () => {
  it('exports JSON equal to the example it was loaded from', async () => {
    const exported = await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.json`);
    expect(exported.statusCode).toBe(200);
    const example = JSON.parse(readFileSync(new URL('../../../examples/panyu-2024/panyu-2024.json', import.meta.url), 'utf8'));
    const json = exported.json();
    expect(json.indicators.map((row: { id: string; actual?: string }) => [row.id, row.actual])).toEqual(
      example.indicators.map((row: { id: string; actual?: string }) => [row.id, row.actual]),
    );
    expect(json.budget).toMatchObject({ adjusted: '320000000.00', executed: '305504000.00' });
    expect(json.management.find((entry: { code: string }) => entry.code === 'procurement-execution-rate').amounts).toEqual({
      procurementActual: '7536600.00',
      procurementPlanned: '7536600.00',
    });
    expect(json.goals).toEqual(example.goals);
  });

  it('round-trips through .xlsx: export, re-import, same score', async () => {
    const xlsx = await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const imported = await upload('番禺2024.xlsx', xlsx.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ goals: 5, indicators: 22 });
    const { department } = await demoEvaluations(t.app, s.preparer);
    expect(department?.total).toBe('99.52');
  });

  it('refuses a bad workbook whole, naming each problem, and keeps the content', async () => {
    const before = await detail(t.app, s.preparer, id);
    const json = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.json`)).json();
    json.indicators[2].actual = '三';
    json.budget.executed = '300800000.005';
    const response = await upload('bad.json', JSON.stringify(json));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_FILE', message: '工作簿“bad.json”有 2 处问题，未导入任何内容' });
    expect(response.json().details).toEqual([
      {
        path: 'indicators[2].actual',
        message: '指标 G1-3“企业技术改造项目备案审批办理”的实际完成值：读到“三”，应为数字，如 "23.39" 或 "-4.53"',
      },
      {
        path: 'budget.executed',
        message: '全年执行数：读到“300800000.005”，金额最多两位小数（元，精确到分）；系统不做四舍五入，请核对后重填',
      },
    ]);
    const after = await detail(t.app, s.preparer, id);
    expect(after.revision).toBe(before.revision);
    expect(after.indicators.map((row) => row.actual)).toEqual(before.indicators.map((row) => row.actual));
  });

  it('imports a JSON workbook saved in GB18030 with every Chinese string intact', async () => {
    const gbk = readFileSync(new URL('../../../packages/documents/test/fixtures/panyu-gb18030.json', import.meta.url));
    const response = await upload('番禺2024-gbk.json', gbk);
    expect(response.statusCode, response.body).toBe(200);
    const imported = await detail(t.app, s.preparer, id);
    expect(JSON.stringify(imported)).not.toContain('\uFFFD');
    const exported = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.json`)).json();
    expect(exported.indicators[0].name).toBe(
      JSON.parse(readFileSync(new URL('../../../examples/panyu-2024/panyu-2024.json', import.meta.url), 'utf8')).indicators[0].name,
    );
  });

  it('refuses a workbook of another kind or year', async () => {
    const project = readFileSync(new URL('../../../examples/project-2024/digital-training-2024.json', import.meta.url));
    const response = await upload('project.json', project);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ path: 'kind', message: '工作簿是项目支出自评，与本自评的类型不符' }]);
  });
});

describe('reports', () => {
  it('previews the report as HTML and downloads it as .docx', async () => {
    const html = await as(t.app, s.reviewer).get(`/api/evaluations/${id}/report.html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<article class="jixiao-report"');
    expect(html.body).toContain('部门整体支出绩效自评表说明');
    const docx = await as(t.app, s.reviewer).get(`/api/evaluations/${id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(
      encodeURIComponent('广州市番禺区科技工业商务和信息化局2024年度部门整体支出绩效自评表说明.docx'),
    );
  });

  it.skipIf(process.env.JIXIAO_SKIP_BROWSER === '1')('prints the report to PDF with Chromium, Chinese text extractable', async () => {
    const response = await as(t.app, s.reviewer).get(`/api/evaluations/${id}/report.pdf`);
    expect(response.statusCode, 'Chromium is needed: apt-get install chromium fonts-noto-cjk (or JIXIAO_SKIP_BROWSER=1)').toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), response.rawPayload);
      const text = spawnSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('部门整体支出绩效自评表说明');
      expect(text).toContain('99.52');
      expect(text).toMatch(/—\s*1\s*—/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to add Chromium when the PDF cannot be made', async () => {
    const noChromium = await testApp({ database: t.database, seed: false, env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    try {
      const response = await as(noChromium.app, s.reviewer).get(`/api/evaluations/${id}/report.pdf`);
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('PDF_UNAVAILABLE');
      expect(response.json().message).toContain('apt-get install chromium fonts-noto-cjk');
    } finally {
      await noChromium.close();
    }
  });
});
