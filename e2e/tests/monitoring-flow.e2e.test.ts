import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, chooseOption, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

// 绩效运行监控 of the year in progress: the demo's approved targets of 中小企业服务中心 (its project of the
// clock's year), monitored by a task issued to that unit alone, so no other unit's to-dos change.

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;

const TITLE = '浏览器测试：绩效运行监控（中小企业服务中心）';
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

interface Indicator {
  indicatorId: string;
  name: string;
  unit: string | null;
  nature: string;
  direction: string;
  target: string | null;
  originalTarget: string | null;
  light: { light: string; explanation: string };
}
interface Form {
  id: string;
  cutoffDate: string;
  declarationId: string | null;
  organisationId: string;
  money: { source: string; spent: string; budgetLineIds: string[] }[];
  indicators: Indicator[];
}

let unitId = '';
let formId = '';
let chosen: Indicator | undefined;
let lowered = '';
let adjustmentId = '';

/** "1234567.5" → "1,234,567.50", as the page prints money. */
const grouped = (fen: bigint) => {
  const whole = (fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(fen % 100n).toString().padStart(2, '0')}`;
};
const toFen = (yuan: string) => {
  const [whole = '0', cents = ''] = yuan.split('.');
  return BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0').slice(0, 2));
};

async function confirmModal(): Promise<void> {
  const ok = page.locator('.ant-modal-confirm-btns .ant-btn-primary');
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}

async function formAs(username: string): Promise<Form> {
  const response = await (await apiAs(username)).get(`/api/monitoring/forms/${formId}`);
  expect(response.status).toBe(200);
  return response.json as unknown as Form;
}

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
  const admin = await apiAs('admin');
  const organisations = (await admin.get('/api/organisations')).json.items as { id: string; name: string; kind: string }[];
  unitId = organisations.find((entry) => entry.name.includes('中小企业服务中心'))?.id ?? '';
  expect(unitId).not.toBe('');
}, 60_000);
afterAll(() => browser.close());

describe('绩效运行监控: finance issues, the unit fills from the ledger, a red light reaches its to-dos, the target is adjusted', () => {
  it('the finance bureau issues a task to one unit, confirmed before it goes', async () => {
    await signIn(page, 'finance');
    await page.goto(`${baseUrl()}/monitoring`);
    await page.getByTestId('monitoring-issue').click();
    await page.getByTestId('monitoring-issue-title').fill(TITLE);
    await page.getByTestId('monitoring-issue-form').getByText('指定部门或单位').click();
    await chooseOption(page, 'monitoring-issue-targets', '番禺区中小企业服务中心（示例）');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    expect(await page.locator('.ant-modal-confirm-content').innerText()).toContain('1 个部门或单位');
    await confirmModal();
    await page.getByTestId('monitoring-tasks').getByText(TITLE).waitFor();

    const finance = await apiAs('finance');
    const tasks = (await finance.get(`/api/monitoring/tasks?fiscalYear=${YEAR}`)).json.items as { id: string; title: string }[];
    const task = tasks.find((entry) => entry.title === TITLE);
    expect(task).toBeDefined();
    const detail = (await finance.get(`/api/monitoring/tasks/${task?.id}`)).json as {
      forms: { id: string; kind: string; organisationId: string }[];
    };
    expect(detail.forms.every((entry) => entry.organisationId === unitId)).toBe(true);
    formId = detail.forms.find((entry) => entry.kind === 'project')?.id ?? '';
    expect(formId).not.toBe('');
    await screenshot(page, '40-monitoring-issued');
  });

  it('the unit opens the form from its to-do; the money is the ledger’s, up to the cut-off', async () => {
    await signOut(page);
    await signIn(page, 'unit.preparer');
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId(`task-${formId}`).first().click();
    await page.waitForURL(/\/monitoring\?form=/);
    await page.getByTestId('monitoring-form').waitFor();

    const form = await formAs('unit.preparer');
    const unit = await apiAs('unit.preparer');
    expect(form.money.length).toBeGreaterThan(0);
    for (const row of form.money) {
      let paid = 0n;
      for (const line of row.budgetLineIds) {
        const ledger = await unit.get(
          `/api/ledger?organisationId=${form.organisationId}&fiscalYear=${YEAR}&budgetLineId=${line}&asOf=${form.cutoffDate}`,
        );
        expect(ledger.status).toBe(200);
        const metrics = ledger.json.metrics as { metric: string; numerator: { amount: string } }[];
        paid += toFen(metrics.find((entry) => entry.metric === 'execution-rate')?.numerator.amount ?? '0');
      }
      expect(toFen(row.spent)).toBe(paid);
      expect(await page.getByTestId(`monitoring-spent-${row.source}`).innerText()).toBe(grouped(paid));
    }
    await page.getByTestId('monitoring-ledger-link').first().waitFor();
  });

  it('an actual far below the expected turns the indicator red, explains why, and lands in the to-dos', async () => {
    const form = await formAs('unit.preparer');
    chosen = form.indicators.find(
      (entry) => entry.nature === 'quantitative' && entry.direction === '>=' && entry.target !== null && /^\d+$/.test(entry.target),
    );
    expect(chosen).toBeDefined();
    const name = chosen?.name ?? '';
    await page.getByTestId(`monitoring-actual-${name}`).fill('1');
    await page.getByTestId('monitoring-save').click();
    const light = page.getByTestId(`monitoring-light-${name}`);
    await light.filter({ hasText: '红灯' }).waitFor();
    const saved = (await formAs('unit.preparer')).indicators.find((entry) => entry.indicatorId === chosen?.indicatorId);
    expect(saved?.light.light).toBe('red');
    await light.hover();
    const explanation = page.getByTestId('light-explanation').filter({ visible: true });
    await explanation.waitFor();
    expect(await explanation.innerText()).toContain(saved?.light.explanation.slice(0, 12) ?? '—');
    await screenshot(page, '41-monitoring-red-light');

    await page.goto(`${baseUrl()}/`);
    const todo = page.locator(`[data-testid="task-${formId}"]`).filter({ hasText: '红灯预警' });
    await todo.waitFor();
  });

  it('the unit requests a target adjustment from the form', async () => {
    await page.goto(`${baseUrl()}/monitoring?form=${formId}`);
    await page.getByTestId('monitoring-request-adjustment').click();
    await confirmModal();
    await page.waitForURL(/\/adjustments\?open=/);
    adjustmentId = new URL(page.url()).searchParams.get('open') ?? '';
    const name = chosen?.name ?? '';
    await chooseOption(page, `adjustment-kind-${name}`, '调整指标值');
    lowered = String(Math.max(1, Math.floor((Number(chosen?.target) * 3) / 4)));
    await page.getByTestId(`adjustment-target-${name}`).fill(lowered);
    // The wording is copied from the approved line; it must say the new value too.
    await page
      .getByTestId('adjustment-detail')
      .getByPlaceholder('指标值表述')
      .first()
      .fill(`≥${lowered}${chosen?.unit ?? ''}`);
    await page.getByTestId('adjustment-reason').first().fill('监控发现上半年进度严重滞后：场地采购延期，按可完成量调减');
    await page.getByTestId('adjustment-save').click();
    // The submit button is there from the start; it acts only once the save has come back with its checks.
    const unit = await apiAs('unit.preparer');
    await expect
      .poll(async () => ((await unit.get(`/api/adjustments/${adjustmentId}`)).json.changes as unknown[]).length, { timeout: 15_000 })
      .toBe(1);
    await page.locator('[data-testid="adjustment-submit"]:not(.ant-btn-loading)').waitFor();
    for (const input of await page.getByPlaceholder('请说明保留该提示的理由').all()) await input.fill('因采购延期调减，已说明理由');
    await page.getByTestId('adjustment-submit').click();
    await confirmModal();
    await page.getByTestId('adjustment-detail').getByText('待部门审核').first().waitFor();
  });

  it('the department approves (setup); the finance bureau approves, and the adjusted target stands beside the original', async () => {
    const department = await apiAs('reviewer');
    const detail = (await department.get(`/api/adjustments/${adjustmentId}`)).json as { version: number };
    const approved = await department.post(`/api/adjustments/${adjustmentId}/decision`, { version: detail.version, action: 'approve' });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);

    await signOut(page);
    await signIn(page, 'finance');
    await page.goto(`${baseUrl()}/adjustments?open=${adjustmentId}`);
    await page.getByTestId('adjustment-review').locator('textarea').fill('同意按监控结果调减');
    await page.getByTestId('adjustment-approve').click();
    await confirmModal();
    await page.getByTestId('adjustment-detail').getByText('已批准').first().waitFor();

    const form = await formAs('finance');
    const line = form.indicators.find((entry) => entry.indicatorId === chosen?.indicatorId);
    expect(line?.target).toBe(lowered);
    expect(line?.originalTarget).not.toBeNull();
    await page.goto(`${baseUrl()}/monitoring?form=${formId}`);
    const target = page.getByTestId(`monitoring-target-${chosen?.name ?? ''}`);
    await target.filter({ hasText: '原指标值' }).waitFor();
    expect(await target.innerText()).toContain(lowered);

    await page.goto(`${baseUrl()}/declarations/${form.declarationId}`);
    const versions = page.getByTestId('declaration-versions');
    await versions.waitFor();
    expect(await versions.innerText()).toContain(`${chosen?.name}：`);
    expect(await versions.innerText()).toContain(`→ ≥${lowered}${chosen?.unit ?? ''}`);
    await screenshot(page, '42-monitoring-adjusted-target');
  });
});
