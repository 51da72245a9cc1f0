import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let head: Session;
let department: string;
beforeAll(async () => {
  t = await testApp();
  head = await login(t.app, 'head');
  department = (await as(t.app, head).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
});
afterAll(() => t.close());

const url = () => `/api/self-assessment?organisationId=${department}&fiscalYear=2024`;

describe('内部控制基础性评价', () => {
  it('is pre-filled from what the system knows about the demo department', async () => {
    const assessment = (await as(t.app, head).get(url())).json();
    const item = (code: string) => assessment.items.find((entry: { code: string }) => entry.code === code);
    expect(assessment.facts.modules).toMatchObject({ budget: true, payments: true });
    expect(assessment.facts.adjustmentsApproved).toBe(1);
    expect(item('U14').prefill).toMatchObject({ kind: 'score', score: '6.00' });
    expect(item('B1').prefill.basis).toBe('预算指标在系统中管理，调整须经审批（本年度批准调整 1 笔）');
    expect(item('B5')).toMatchObject({ notApplicable: true });
    expect(item('U1')).toMatchObject({ prefill: { kind: 'manual' }, score: null });
    expect(assessment.unscored).toEqual(expect.arrayContaining(['U1', 'U2', 'U3', 'U4', 'U7']));
  });

  it('takes the unit’s own scores over the pre-fill, refusing scores above an item’s points', async () => {
    const { version } = (await as(t.app, head).get(url())).json();
    const tooHigh = await as(t.app, head).put('/api/self-assessment', {
      organisationId: department,
      fiscalYear: 2024,
      version,
      entries: [{ code: 'U1', score: '5' }],
    });
    expect(tooHigh.json().details).toEqual([{ path: 'body.entries[0].score', message: '“内部控制建设启动与组织领导”最高 4.00 分' }]);
    const saved = await as(t.app, head).put('/api/self-assessment', {
      organisationId: department,
      fiscalYear: 2024,
      version,
      entries: [
        { code: 'U1', score: '4' },
        { code: 'U2', score: '3.5', note: '归口管理职责待细化' },
        { code: 'U7', notApplicable: true },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const items = saved.json().items as { code: string; score: string | null; notApplicable: boolean }[];
    expect(items.find((entry) => entry.code === 'U2')?.score).toBe('3.50');
    expect(items.find((entry) => entry.code === 'U7')?.notApplicable).toBe(true);
    const stale = await as(t.app, head).put('/api/self-assessment', { organisationId: department, fiscalYear: 2024, version, entries: [] });
    expect(stale.statusCode).toBe(409);
  });

  it('exports the form with the basis of every pre-filled score', async () => {
    const response = await as(t.app, head).get(`/api/self-assessment/export.xlsx?organisationId=${department}&fiscalYear=2024`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('内部控制基础性评价');
    expect(sheet?.getRow(1).values).toContain('预填依据');
    expect(sheet?.rowCount).toBeGreaterThan(21);
  });

  it('is not readable outside one’s organisations', async () => {
    const unitPreparer = await login(t.app, 'unit.preparer');
    expect((await as(t.app, unitPreparer).get(url())).statusCode).toBe(404);
  });
});
