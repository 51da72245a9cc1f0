import type { MonitoringFormDetail, MonitoringLights, MonitoringTaskDetail, MonitoringTaskList } from '@jixiao/contract';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';

// The demo's year in progress on a pinned clock (2026-12-02): its approved 2026 targets, the project of
// 番禺区中小企业服务中心 (XM2026-017) and the department's own, are what a monitoring task covers.

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let task: MonitoringTaskDetail;

const issue = (session: Session, body: Record<string, unknown>) =>
  as(t.app, session).post('/api/monitoring/tasks', {
    fiscalYear: 2026,
    cutoffDate: '2026-07-31',
    kind: 'general',
    deadline: '2026-12-20',
    targets: 'all',
    ...body,
  });
const form = async (session: Session, id: string) => {
  const response = await as(t.app, session).get(`/api/monitoring/forms/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MonitoringFormDetail;
};
const projectForm = () => {
  const found = task.forms.find((entry) => entry.kind === 'project');
  if (!found) throw new Error('no project form');
  return found;
};
const tasks = async (session: Session) =>
  (await as(t.app, session).get('/api/tasks')).json().items as { monitoringFormId?: string; action: string; title: string }[];

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2026-12-02T02:00:00Z') });
  s = await demoSessions(t.app);
}, 120_000);
afterAll(() => t.close());

describe('monitoring tasks', () => {
  it('only the finance bureau issues a task; bad dates are refused naming the field', async () => {
    expect((await issue(s.unitPreparer, {})).statusCode).toBe(403);
    const late = await issue(s.finance, { cutoffDate: '2027-01-31' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toMatch(/cutoffDate|截止/);
  });

  it('issuing creates one form per approved project and one per department, in one step', async () => {
    const response = await issue(s.finance, {});
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json() as { id: string };
    task = (await as(t.app, s.finance).get(`/api/monitoring/tasks/${id}`)).json() as MonitoringTaskDetail;
    expect(task.cutoffDate).toBe('2026-07-31');
    expect(task.forms.filter((entry) => entry.kind === 'project').length).toBeGreaterThanOrEqual(1);
    expect(task.forms.some((entry) => entry.kind === 'department')).toBe(true);
    expect(task.forms.every((entry) => entry.status === 'draft')).toBe(true);
    const list = (await as(t.app, s.unitPreparer).get('/api/monitoring/tasks')).json() as MonitoringTaskList;
    expect(list.items.map((item) => item.id)).toContain(id);
    expect(list.permissions.issue).toBe(false);
  });
});

describe('indicators the system computes', () => {
  it('a line named as a ledger rate takes its 1–X 月实际完成值 from the ledger as of the cut-off, with its formula, and ignores what is typed', async () => {
    const entry = task.forms.find((row) => row.kind === 'department');
    if (!entry) throw new Error('no department form');
    let detail = await form(s.finance, entry.id);
    const bound = detail.indicators.find((row) => row.name === '补贴或奖励资金及时足额率');
    expect(bound?.computed?.kind).toBe('ledger');
    expect(bound?.actualToDate).toBe(bound?.computed?.actual);
    expect(bound?.computed?.actual).toMatch(/^\d+\.\d{2}$/);
    expect(bound?.computed?.rule).toContain('截至 2026-07-31');
    // The formula names the figures it divides, in 元, and ends in the same percentage.
    expect(bound?.computed?.formula).toMatch(/元 ÷ .* 元 = /);
    expect(bound?.computed?.formula).toContain(`${bound?.computed?.actual}%`);
    expect(bound?.computed?.budgetLineIds.length).toBeGreaterThan(0);
    // 成本控制 is a year-end figure: the unit fills it, nothing is computed.
    expect(detail.indicators.find((row) => row.name === '项目资金成本控制')?.computed).toBeNull();

    const preparer = s.preparer;
    detail = await form(preparer, entry.id);
    const save = await as(t.app, preparer).put(`/api/monitoring/forms/${detail.id}`, {
      version: detail.version,
      money: [],
      indicators: [{ indicatorId: bound?.indicatorId, actualToDate: '1.00' }],
    });
    expect(save.statusCode, save.body).toBe(200);
    const saved = (save.json() as MonitoringFormDetail).indicators.find((row) => row.indicatorId === bound?.indicatorId);
    expect(saved?.actualToDate).toBe(bound?.computed?.actual);
  });
});

describe('a project form', () => {
  it('carries the money by source with 序时进度 and the approved indicators with their lights explained', async () => {
    const detail = await form(s.unitPreparer, projectForm().id);
    expect(detail.money.length).toBeGreaterThan(0);
    for (const row of detail.money) {
      expect(row.timeProgress).toMatch(/^\d+\.\d{2}$/);
      expect(row.light.explanation.length).toBeGreaterThan(10);
    }
    // 序时进度 at the end of July: 7 ÷ 12.
    expect(detail.budget.expected.linearAtCutoff).toBe('0.5833');
    expect(detail.indicators.length).toBeGreaterThan(0);
    expect(detail.permissions.edit).toBe(true);
    // Nothing typed yet: the submission is held back, naming the indicators.
    expect(detail.problems.length).toBeGreaterThan(0);
    expect((await tasks(s.unitPreparer)).some((item) => item.monitoringFormId === detail.id && item.action === 'monitoring-fill')).toBe(
      true,
    );
  });

  it('refuses a submission while an indicator lacks its figures, then takes it once they are in', async () => {
    let detail = await form(s.unitPreparer, projectForm().id);
    const early = await as(t.app, s.unitPreparer).post(`/api/monitoring/forms/${detail.id}/submit`, { version: detail.version });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(detail.indicators[0]?.name ?? '');

    const save = await as(t.app, s.unitPreparer).put(`/api/monitoring/forms/${detail.id}`, {
      version: detail.version,
      money: detail.money.map((row) => ({ source: row.source, forecast: row.adjusted })),
      indicators: detail.indicators.map((row) => ({
        indicatorId: row.indicatorId,
        actualToDate: row.nature === 'quantitative' ? (row.target ?? '0') : null,
        actualText: row.nature === 'qualitative' ? (row.targetText ?? '达成') : null,
        forecastYearEnd: row.nature === 'quantitative' ? (row.target ?? '0') : null,
        reasons: ['funding'],
        reasonText: null,
        likelihood: 'certain',
        measures: '加快支付进度，按月调度',
      })),
    });
    expect(save.statusCode, save.body).toBe(200);
    detail = await form(s.unitPreparer, detail.id);
    expect(detail.problems).toEqual([]);
    const submitted = await as(t.app, s.unitPreparer).post(`/api/monitoring/forms/${detail.id}/submit`, { version: detail.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    // Submitted: the unit can no longer edit it.
    const again = await form(s.unitPreparer, detail.id);
    expect(again.permissions.edit).toBe(false);
  });

  it('the department approves, the bureau needs an opinion to approve, and may issue a 整改 from it', async () => {
    let detail = await form(s.reviewer, projectForm().id);
    expect(detail.permissions.approve).toBe(true);
    const approved = await as(t.app, s.reviewer).post(`/api/monitoring/forms/${detail.id}/decision`, {
      version: detail.version,
      action: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('department_approved');

    detail = await form(s.finance, detail.id);
    const bare = await as(t.app, s.finance).post(`/api/monitoring/forms/${detail.id}/decision`, {
      version: detail.version,
      action: 'approve',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('opinion');

    const rectify = await as(t.app, s.finance).post(`/api/monitoring/forms/${detail.id}/rectification`, {
      problem: '截至 7 月底预算执行偏慢',
      measures: ['制定分月用款计划'],
      deadline: '2026-12-31',
    });
    expect(rectify.statusCode, rectify.body).toBe(201);
    detail = await form(s.finance, detail.id);

    const closed = await as(t.app, s.finance).post(`/api/monitoring/forms/${detail.id}/decision`, {
      version: detail.version,
      action: 'approve',
      opinion: '同意，按纠偏措施落实',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('finance_approved');
    detail = await form(s.finance, detail.id);
    expect(detail.rectificationId).not.toBeNull();
    expect(detail.steps.map((step) => step.action)).toEqual(expect.arrayContaining(['submit', 'approve']));
  });
});

describe('the bureau’s view', () => {
  it('lists every form’s lights by department and exports the 绩效运行监控表 as .xlsx', async () => {
    const lights = (await as(t.app, s.finance).get(`/api/monitoring/lights?taskId=${task.id}`)).json() as MonitoringLights;
    expect(lights.items.length).toBe(task.forms.length);
    expect(lights.items.every((row) => row.departmentName.length > 0)).toBe(true);

    const response = await as(t.app, s.finance).get(`/api/monitoring/tasks/${task.id}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBe(task.forms.length);
    const cells = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    expect(cells.some((value) => value.includes('绩效运行监控'))).toBe(true);
  });

  it('writes the department’s monitoring report (.docx) from the same forms, for the department or one unit', async () => {
    const response = await as(t.app, s.finance).get(`/api/monitoring/tasks/${task.id}/report.docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('.docx');
    const xml = (await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    for (const part of ['一、基本情况', '二、预算执行情况', '三、绩效目标实现情况', '四、存在的问题及原因', '五、下一步措施'])
      expect(xml).toContain(part);
    expect(xml).toContain(projectForm().title);
    const unit = await as(t.app, s.finance).get(
      `/api/monitoring/tasks/${task.id}/report.docx?organisationId=${projectForm().organisationId}`,
    );
    expect(unit.statusCode, unit.body).toBe(200);
    const unitXml = (await (await JSZip.loadAsync(unit.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(unitXml).toContain(`${projectForm().organisationName}${task.fiscalYear}年度绩效运行监控报告`);
  });

  it('shows a unit only its own forms', async () => {
    const response = await as(t.app, s.unitPreparer).get(`/api/monitoring/lights?taskId=${task.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as MonitoringLights).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(task.forms.length);
    expect(items.every((row) => row.organisationName === projectForm().organisationName)).toBe(true);
  });
});
