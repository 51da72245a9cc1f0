import type { MonitoringFormDetail, MonitoringLights, MonitoringTaskList, Overview } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCutoff } from '../src/seed/demo-monitoring.ts';
import { demoSessions } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

// The demo's 绩效运行监控 round (seed/demo-monitoring.ts) on the pinned clock 2026-12-02.

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2026-12-02T02:00:00Z') });
  s = await demoSessions(t.app);
}, 120_000);
afterAll(() => t.close());

describe('the demo monitoring round', () => {
  it('shows on the finance bureau’s overview beside last year’s evaluations, counted by light per department', async () => {
    const overview = (await as(t.app, s.finance).get('/api/overview?fiscalYear=2024')).json() as Overview;
    const [task] = ((await as(t.app, s.finance).get('/api/monitoring/tasks?fiscalYear=2026')).json() as MonitoringTaskList).items;
    expect(overview.monitoring).toMatchObject({ taskId: task?.id, fiscalYear: 2026, cutoffDate: '2026-11-30' });
    // The key project's form is red, the department's own yellow (the test below reads them one by one).
    expect(overview.monitoring?.totals).toEqual({ red: 1, yellow: 1, blue: 0, green: 0, none: 0 });
    const reference = overview.departments.find((d) => d.name === '广州市番禺区科技工业商务和信息化局');
    expect(reference?.lights).toEqual(overview.monitoring?.totals);
    // A department's reviewer sees the round of their own department only; the preparer has no overview.
    const reviewer = (await as(t.app, s.reviewer).get('/api/overview?fiscalYear=2024')).json() as Overview;
    expect(reviewer.monitoring?.totals).toEqual(overview.monitoring?.totals);
    expect((await as(t.app, s.preparer).get('/api/overview')).statusCode).toBe(403);
  });

  it('cuts off at the end of the last full month, and not at all in January', () => {
    expect(demoCutoff('2026-12-02')).toBe('2026-11-30');
    expect(demoCutoff('2026-03-01')).toBe('2026-02-28');
    expect(demoCutoff('2026-08-31')).toBe('2026-07-31');
    expect(demoCutoff('2027-01-20')).toBeUndefined();
  });

  it('has its lights: the project red on one line with its reasons and measures, yellows, spending from the ledger, the rush foreseen', async () => {
    const list = (await as(t.app, s.finance).get('/api/monitoring/tasks?fiscalYear=2026')).json() as MonitoringTaskList;
    expect(list.items).toHaveLength(1);
    const [task] = list.items;
    expect(task?.cutoffDate).toBe('2026-11-30');
    expect(task?.deadline).toBe('2026-12-12');
    const lights = (await as(t.app, s.finance).get(`/api/monitoring/lights?taskId=${task?.id}`)).json() as MonitoringLights;
    const project = lights.items.find((row) => row.kind === 'project');
    const department = lights.items.find((row) => row.kind === 'department');
    // Both filled, submitted and approved by the department: waiting for the finance bureau.
    expect(lights.items.map((row) => row.status)).toEqual(['department_approved', 'department_approved']);
    expect(project).toMatchObject({ light: 'red', budgetLight: 'yellow', executionRate: '52.50', timeProgress: '70.00' });
    expect(project?.indicatorLights).toMatchObject({ red: 1, yellow: 2 });
    expect(department?.light).toBe('yellow');
    expect(department?.indicatorLights.red).toBe(0);

    const form = (await as(t.app, s.finance).get(`/api/monitoring/forms/${project?.id}`)).json() as MonitoringFormDetail;
    // 2,000,000 planned back-loaded (70 % by November), three quarters of each month's plan paid: 1,050,000 by 30 November.
    expect(form.money.map((row) => [row.adjusted, row.spent, row.forecast])).toEqual([['2000000.00', '1050000.00', '2000000.00']]);
    expect(form.money[0]?.budgetLineIds).toHaveLength(1);
    expect(form.budget.expected.curve).toBe('plan');
    const red = form.indicators.filter((row) => row.light.light === 'red');
    expect(red).toHaveLength(1);
    expect(red[0]?.reasons.length).toBeGreaterThan(0);
    expect(red[0]?.reasonText).toMatch(/采购/);
    expect(red[0]?.measures).toMatch(/开班/);
    expect(red[0]?.light.explanation).toMatch(/红灯/);
    expect(form.warnings.map((warning) => warning.code)).toContain('MON_YEAR_END_RUSH');
    expect(form.steps.map((step) => step.action).sort()).toEqual(['approve', 'issue', 'submit']);

    // The ledger says the same: the line's payments up to the cut-off.
    const ledger = await as(t.app, s.finance).get(
      `/api/ledger?organisationId=${form.organisationId}&fiscalYear=2026&budgetLineId=${form.money[0]?.budgetLineIds[0]}&asOf=2026-11-30`,
    );
    const metrics = ledger.json().metrics as { metric: string; numerator: { amount: string } }[];
    expect(metrics.find((entry) => entry.metric === 'execution-rate')?.numerator.amount).toBe('1050000.00');
  });

  it('puts the red light in the unit’s to-dos and the review in the finance bureau’s', async () => {
    const items = async (session: typeof s.finance) =>
      (await as(t.app, session).get('/api/tasks')).json().items as { monitoringFormId?: string; action: string }[];
    expect((await items(s.unitPreparer)).some((item) => item.action === 'monitoring-red')).toBe(true);
    expect((await items(s.finance)).filter((item) => item.action === 'monitoring-review-finance')).toHaveLength(2);
  });
});
