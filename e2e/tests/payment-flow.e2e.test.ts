import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, chooseOption, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;
let paymentId = '';

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
});
afterAll(() => browser.close());

// The demo's FY2024 ledger of 广州市番禺区科技工业商务和信息化局 computes the reference report's figures:
// 305,504,000.00 paid of a budget of 320,000,000.00 (预算执行率 95.47 %, department-wide 成本控制率 −4.53 %).
// 企业创新能力建设 (KGSX-XM-QYCX, 项目支出) has 1,500,000.00 left. 产业发展扶持资金 (KGSX-XM-CYFC) has
// 133,658,000.00 paid of 140,000,000.00, and the Panyu indicator G1-5 (成本控制率) is bound to it:
// (133,658,000 − 140,000,000) ÷ 140,000,000 = −4.53 %. 政府采购执行率, a 管理效率 item bound to the
// ledger, is 7,536,600.00 awarded of 7,536,600.00 estimated: 100.00 %.
const SMALL_LINE = 'KGSX-XM-QYCX 企业创新能力建设';
const LINE = 'KGSX-XM-CYFC 产业发展扶持资金';
const PAID_BEFORE_FEN = 30_550_400_000n;
const BUDGET_FEN = 32_000_000_000n;
// Below the 50,000 contract threshold, and large enough to move both figures at two decimals.
const AMOUNT = '42000';
const AMOUNT_FEN = 4_200_000n;

/** numerator ÷ denominator as a percentage with four decimals, half up, in integers (what the page's 精确值 shows). */
function percent4(numerator: bigint, denominator: bigint): string {
  const scaled = (numerator * 1_000_000n * 2n + denominator) / (denominator * 2n);
  const text = String(scaled).padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}

function grouped(fen: bigint): string {
  const whole = String(fen / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(fen % 100n).padStart(2, '0')}`;
}

/** A drawer covers the window, not the page: it is kept as the window shows it (the page behind is in the other shots). */
async function drawerShot(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-drawer-open .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.screenshot({ path: join(inject('artifactsDir'), `${name}.png`) });
}

async function openLedger(): Promise<void> {
  await page.goto(`${baseUrl()}/control/ledger?year=2024`);
  await page.getByTestId('metric-execution-rate').waitFor();
}

async function openPayment(): Promise<void> {
  await page.goto(`${baseUrl()}/control/payments?year=2024&payment=${paymentId}`);
  await page.getByTestId('payment-steps').waitFor();
}

const selectLine = (line: string) => chooseOption(page, 'payment-line-select', line);

async function fillRequest(line: string, amount: string): Promise<void> {
  await selectLine(line);
  await page.getByTestId('payment-line-available').waitFor();
  await page.getByTestId('payment-amount').fill(amount);
  await page.getByTestId('payment-payee').fill('番禺某精密仪器有限公司');
  await page.getByTestId('payment-purpose').fill('企业创新能力建设：检测设备调试服务费');
}

async function openEvaluation(): Promise<void> {
  await page.goto(`${baseUrl()}/evaluations`);
  await page.getByRole('link', { name: '广州市番禺区科技工业商务和信息化局', exact: true }).click();
  await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}/);
}

/** The ledger-computed actual of a Panyu indicator, as the head of department sees it on 绩效指标. */
async function boundActual(code: string): Promise<string> {
  await openEvaluation();
  await page.getByRole('tab', { name: /绩效指标/ }).click();
  return page.getByTestId(`indicator-ledger-${code}`).innerText();
}

async function statusIs(status: string): Promise<void> {
  await page.locator(`[data-testid="payment-drawer"] .ant-drawer-header [data-status="${status}"]`).waitFor({ timeout: 15_000 });
}

describe('a payment request through every post, seen in the ledger', () => {
  it('before the payment, the indicator bound to the subsidy line reads −4.53 %', async () => {
    await signIn(page, 'head');
    expect(await boundActual('G1-5')).toContain('-4.53%');
    await signOut(page);
  });

  it('the 管理效率 item 政府采购执行率 reads 100.00 % from the ledger, and drills down to the three purchases', async () => {
    await signIn(page, 'head');
    await openEvaluation();
    await page.getByRole('tab', { name: /管理效率/ }).click();
    const figure = page.getByTestId('management-ledger-procurement-execution-rate');
    expect(await figure.innerText()).toContain('100.00%');
    await figure.click();
    expect(await page.getByTestId('management-computed').innerText()).toContain(
      '实际采购 7,536,600.00 元 ÷ 采购预算 7,536,600.00 元 = 100.00%',
    );
    await page.getByTestId('management-drill-numerator').click();
    await expect.poll(() => page.getByTestId('drill-sum').innerText(), { timeout: 15_000 }).toContain('7,536,600.00');
    const drawer = page.getByTestId('drill-drawer');
    expect(await drawer.innerText()).toContain('政府采购（3 项）');
    await drawerShot('15-management-drill');
    await signOut(page);
  });

  it('the requester sees the department’s execution rate before the payment', async () => {
    await signIn(page, 'requester');
    await openLedger();
    expect(await page.getByTestId('metric-percent-execution-rate').innerText()).toBe('95.47%');
    expect(await page.getByTestId('metric-percent-cost-control-rate').innerText()).toBe('-4.53%');
    // 305,504,000.00 ÷ 320,000,000.00 is exactly 95.4700 %: no 精确值 beside 95.47 %, it would say nothing more.
    expect(percent4(PAID_BEFORE_FEN, BUDGET_FEN)).toBe('95.4700');
    expect(await page.getByTestId('metric-precise-execution-rate').count()).toBe(0);
    expect(await page.getByTestId('metric-precise-carry-over-rate').innerText()).toMatch(/^精确值 \d+\.\d{4}%$/);
    expect(await page.getByTestId('metric-formula-execution-rate').innerText()).toContain(`已支付 ${grouped(PAID_BEFORE_FEN)} 元`);
  });

  it('asking more than the line’s available balance is refused with the broken rules listed', async () => {
    await page.goto(`${baseUrl()}/control/payments?year=2024`);
    await page.getByTestId('payment-create').click();
    await fillRequest(SMALL_LINE, '2000000');
    expect(await page.getByTestId('payment-available-after').innerText()).toBe('-500,000.00');
    await page.getByTestId('payment-submit').click();
    const violations = page.getByTestId('control-violations');
    await violations.waitFor();
    expect(await violations.innerText()).toContain('可用余额不足');
    await page.getByTestId('violation-IC_BALANCE_INSUFFICIENT').waitFor();
    // 2,000,000 also needs a contract (合同控制 from 50,000): every broken rule is listed, not only the first.
    await page.getByTestId('violation-IC_CONTRACT_REQUIRED').waitFor();
    await drawerShot('07-payment-refused');
  });

  it('the requester asks for 42,000.00 yuan from the subsidy line instead, and the request opens', async () => {
    await selectLine(LINE);
    await page.getByTestId('payment-line-available').waitFor();
    await page.getByTestId('payment-amount').fill(AMOUNT);
    await page.getByTestId('payment-submit').click();
    await page.waitForURL(/payment=[0-9a-f-]{36}/);
    paymentId = new URL(page.url()).searchParams.get('payment') ?? '';
    expect(paymentId).toMatch(/^[0-9a-f-]{36}$/);
    await statusIs('requested');
    await page.getByTestId(`payment-row-${paymentId}`).waitFor();
  });

  it('the accountant reviews it', async () => {
    await signOut(page);
    await signIn(page, 'accountant');
    await openPayment();
    await page.getByTestId('payment-review').click();
    await statusIs('reviewed');
  });

  it('the approver approves it', async () => {
    await signOut(page);
    await signIn(page, 'approver');
    await openPayment();
    await page.getByTestId('payment-approve').click();
    await statusIs('approved');
  });

  it('the cashier pays it on 2024-12-30, inside the line’s year', async () => {
    await signOut(page);
    await signIn(page, 'cashier');
    await openPayment();
    const paidOn = page.getByTestId('payment-paid-on');
    // Today is after 2024, so the picker starts on the year's last day.
    expect(await paidOn.inputValue()).toBe('2024-12-31');
    await paidOn.click();
    await paidOn.fill('2024-12-30');
    await paidOn.press('Enter');
    await page.getByTestId('payment-pay').click();
    await statusIs('paid');
    const steps = await page.getByTestId('payment-steps').innerText();
    for (const name of ['经办人（示例）', '财务审核（示例）', '审批人（示例）', '出纳（示例）', '2024-12-30'])
      expect(steps).toContain(name);
    await drawerShot('08-payment-drawer');
  });

  it('on 预算执行 the department’s execution rate includes the payment, exactly', async () => {
    await signOut(page);
    await signIn(page, 'accountant');
    await openLedger();
    const paid = PAID_BEFORE_FEN + AMOUNT_FEN;
    // 305,546,000.00 ÷ 320,000,000.00 = 95.4831 %.
    expect(await page.getByTestId('metric-formula-execution-rate').innerText()).toContain(`已支付 ${grouped(paid)} 元`);
    expect(await page.getByTestId('metric-percent-execution-rate').innerText()).toBe('95.48%');
    expect(await page.getByTestId('metric-precise-execution-rate').innerText()).toContain(`${percent4(paid, BUDGET_FEN)}%`);
    expect(percent4(paid, BUDGET_FEN)).toBe('95.4831');
    await page.getByTestId('ledger-progress-chart').locator('svg').waitFor();
    await screenshot(page, '09-ledger');
  });

  it('the drill-down behind the numerator lists the payment', async () => {
    await page.getByTestId('metric-drill-execution-rate-numerator').click();
    const row = page.getByTestId(`drill-payment-${paymentId}`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('42,000.00');
    expect(text).toContain('2024-12-30');
    expect(text).toContain(LINE);
    expect(await page.getByTestId('drill-sum').innerText()).toContain(grouped(PAID_BEFORE_FEN + AMOUNT_FEN));
    await drawerShot('10-ledger-drill');
  });

  it('the Panyu indicator bound to the subsidy line (G1-5 成本控制率) fills itself with the new figure', async () => {
    await signOut(page);
    await signIn(page, 'head');
    // (133,700,000 − 140,000,000) ÷ 140,000,000 = −4.50 % (it was −4.53 % before the payment).
    expect(await boundActual('G1-5')).toContain('-4.50%');
  });

  it('the auditor reads the payment in the audit log as a record: 支付申请 · payee · amount, fields by name', async () => {
    await signOut(page);
    await signIn(page, 'auditor');
    await page.goto(`${baseUrl()}/audit`);
    // The list of record types is long and virtual: filter it by typing, as a user would.
    const typeSelect = page.getByTestId('audit-type');
    await typeSelect.click();
    await page.keyboard.type('支付申请');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="支付申请"]').click();
    await typeSelect.locator('[title="支付申请"]').first().waitFor();
    // 操作人 is a searchable select of the people in the log: typed, as a user would, and chosen.
    const actorSelect = page.getByTestId('audit-actor');
    await actorSelect.click();
    await page.keyboard.type('出纳');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '出纳' }).first().click();
    const row = page.locator('.ant-table-row').filter({ hasText: '支付' }).first();
    await row.getByTestId('audit-subject').filter({ hasText: '支付申请 · 番禺某精密仪器有限公司 · 42,000.00 元' }).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const changes = page.getByTestId('audit-changes').first();
    await changes.waitFor();
    const text = await changes.innerText();
    expect(text).toContain('状态');
    expect(text).toContain('已审批');
    expect(text).toContain('已支付');
    expect(text).toContain('支付日期');
    expect(text).not.toMatch(/paidBy|status|[0-9a-f]{8}-[0-9a-f]{4}/);
    await screenshot(page, 'audit-payment');
  });
});
