import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';
import { declarationDetail, declarationProject, FULL_INDICATORS, form, reasonsFor, step } from './targets-fixtures.ts';

/** 申报表的导出 (and, below, 绩效目标公开): what each copy carries, and who may have it. */

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let returned: string;
let approved: string;

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  returned = await declared('OUT-1');
  await step(t.app, s.reviewer, returned, { action: 'approve' });
  const view = await declarationDetail(t.app, s.finance, returned);
  const opinions = view.indicators.map((line, index) =>
    index === 0
      ? { indicatorId: line.id, verdict: 'fail', text: '目标值偏低，请提高到 320 家' }
      : { indicatorId: line.id, verdict: 'pass' },
  );
  expect((await step(t.app, s.finance, returned, { action: 'return', comment: '请按逐项意见修改', opinions })).statusCode).toBe(200);
  approved = await declared('OUT-2');
  await step(t.app, s.reviewer, approved, { action: 'approve' });
  const lines = (await declarationDetail(t.app, s.finance, approved)).indicators;
  const passed = lines.map((line) => ({ indicatorId: line.id, verdict: 'pass', text: '内部意见：同意' }));
  expect((await step(t.app, s.finance, approved, { action: 'approve', comment: '同意批复', opinions: passed })).statusCode).toBe(200);
}, 120_000);
afterAll(() => t.close());

/** A complete declaration of a project of its own, submitted by the unit. */
async function declared(code: string): Promise<string> {
  const project = await declarationProject(t, code);
  const created = await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id });
  const id: string = created.json().id;
  const saved = await as(t.app, s.unitPreparer).put(
    `/api/declarations/${id}`,
    form(await declarationDetail(t.app, s.unitPreparer, id), FULL_INDICATORS),
  );
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await step(t.app, s.unitPreparer, id, { action: 'submit', reasons: reasonsFor(saved.json()) });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return id;
}

async function sheetText(session: Session, id: string, query = ''): Promise<string> {
  const response = await as(t.app, session).get(`/api/target-declarations/${id}/export.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload.buffer.slice(response.rawPayload.byteOffset) as ArrayBuffer);
  const cells: string[] = [];
  book.worksheets[0]?.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.master === cell) cells.push(String(cell.value ?? ''));
    });
  });
  return cells.join('|');
}

describe('申报表的导出', () => {
  it('prints an approved declaration as the formal form, in 万元, without opinions or a 草稿 note', async () => {
    const text = await sheetText(s.unitPreparer, approved);
    expect(text).toContain('项目支出绩效目标申报表|（2026年度）|项目名称|中小企业数字化转型服务项目（OUT-2）');
    expect(text).toContain('资金总额|120.00|');
    expect(text).toContain('其中：财政拨款|100.00|');
    expect(text).toContain('服务企业数量');
    expect(text).not.toMatch(/草稿|内部意见|审核意见/u);
  });

  it('marks a declaration not yet approved as 草稿, and keeps the opinions to the internal copy', async () => {
    const formal = await sheetText(s.unitPreparer, returned);
    expect(formal).toContain('草稿：当前状态“已退回”，未经批复，不作为正式申报表');
    expect(formal).not.toContain('320 家');
    const internal = await sheetText(s.unitPreparer, returned, '?copy=internal');
    expect(internal).toContain('内部审核稿，含审核意见，不对外提供');
    expect(internal).toContain('财政审核（财政审核人（示例））：不通过，目标值偏低，请提高到 320 家');
    expect(internal).toContain('财政审核（财政审核人（示例））：请按逐项意见修改');
  });

  it('sends the .docx with its name, and nothing to whoever may not read the declaration', async () => {
    const docx = await as(t.app, s.finance).get(`/api/target-declarations/${approved}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain(
      '2026年度中小企业数字化转型服务项目（OUT-2）项目支出绩效目标申报表.docx',
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/target-declarations/${approved}/export.xlsx` });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await as(t.app, s.unitPreparer).get('/api/target-declarations/00000000-0000-4000-8000-000000000000/export.xlsx');
    expect(unknown.statusCode).toBe(404);
  });
});
