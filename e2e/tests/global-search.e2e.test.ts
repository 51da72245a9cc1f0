import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, signIn } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser.close());

describe('全局搜索 in the header', () => {
  it('the cashier types a payee, picks the payment and lands on its drawer', async () => {
    await signIn(page, 'cashier');
    const box = page.getByTestId('global-search').getByRole('combobox');
    await box.fill('某充电科技');
    const popup = page.locator('.ant-select-dropdown:visible');
    await popup.getByText('支付申请').waitFor();
    const hit = popup.getByTestId('search-hit-payment').first();
    expect(await hit.innerText()).toContain('广州某充电科技有限公司（示例）');
    await screenshot(page, '16-global-search');
    await hit.click();
    await page.waitForURL((url) => url.pathname === '/control/payments' && url.searchParams.has('payment'));
    const drawer = page.getByTestId('payment-drawer');
    // The drawer opens before its payment has loaded: wait for the payee, not for the frame.
    await drawer.getByText('广州某充电科技有限公司（示例）').first().waitFor();
  });

  it('says so in Chinese when nothing matches', async () => {
    const box = page.getByTestId('global-search').getByRole('combobox');
    await box.fill('不存在的收款人名称');
    await page.locator('.ant-select-dropdown:visible').getByText('没有找到“不存在的收款人名称”相关的记录').waitFor();
  });
});
