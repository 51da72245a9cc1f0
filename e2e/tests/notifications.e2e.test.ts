import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, openBrowser, screenshot, signIn } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser.close());

describe('消息通知', () => {
  it('the requester’s rejected payment rings the bell; opening it marks it read and lands on the payment', async () => {
    // A basic-spending line of 2027 of its own, so no figure the story files assert moves.
    const accountant = await apiAs('accountant');
    const requester = await apiAs('requester');
    const organisations = (await accountant.get('/api/organisations')).json as { items: { id: string; code: string }[] };
    const department = organisations.items.find((entry) => entry.code === 'PY-KGSX')?.id;
    const line = (
      await accountant.post('/api/budget-lines', {
        organisationId: department,
        fiscalYear: 2027,
        code: 'NOTIFY-E2E',
        name: '通知测试指标（示例）',
        spendingType: 'basic',
        fundingSource: '一般公共预算',
        initial: '5000.00',
      })
    ).json;
    expect(line.id, JSON.stringify(line)).toBeTruthy();
    const payment = (
      await requester.post('/api/payments', {
        budgetLineId: line.id,
        payeeName: '广州某通知测试有限公司（示例）',
        purpose: '办公用品',
        expenseType: 'basic',
        amount: '320.00',
      })
    ).json;
    expect(payment.id, JSON.stringify(payment)).toBeTruthy();
    const rejected = (await accountant.post(`/api/payments/${payment.id}/reject`, { version: payment.version, reason: '缺少发票' })).json;
    expect(rejected.status, JSON.stringify(rejected)).toBe('rejected');

    await signIn(page, 'requester');
    const bell = page.getByTestId('notification-bell');
    await bell.locator('.ant-badge-count').waitFor();
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.getByText('支付申请被驳回').first().waitFor();
    expect(await list.innerText()).toContain('缺少发票');
    await screenshot(page, '18-notifications');
    await list.getByText('支付申请被驳回').first().click();
    await page.waitForURL((url) => url.pathname === '/control/payments' && url.searchParams.get('payment') === payment.id);
    await page.getByTestId('payment-drawer').waitFor();
  });
});
