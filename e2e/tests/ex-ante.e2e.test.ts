import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openBrowser, screenshot, signIn } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
});
afterAll(() => browser.close());

// The demo project XM2024-017 is assessed 调整后支持, which never blocks a budget line, so the figures
// the story files assert are untouched (and this file runs after them, story-order.ts).
const SUB_ITEMS = [
  ...['policy', 'duty', 'need'].map((code) => `necessity.${code}`),
  ...['estimate', 'alternatives', 'scale'].map((code) => `economy.${code}`),
  ...['clarity', 'indicators', 'values'].map((code) => `targets.${code}`),
  ...['plan', 'management', 'risk'].map((code) => `feasibility.${code}`),
  ...['source', 'method', 'other'].map((code) => `compliance.${code}`),
];

describe('事前绩效评估 in the browser', () => {
  it('the finance reviewer opens an assessment from the menu, grades every sub-item and confirms the conclusion', async () => {
    await signIn(page, 'finance');
    await page.getByRole('menuitem', { name: '事前绩效评估' }).click();
    await page.waitForURL((url) => url.pathname === '/ex-ante');
    await chooseOption(page, 'ex-ante-year', '2024 年度');
    await page.getByTestId('ex-ante-project').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'XM2024-017' }).click();
    await page.getByTestId('ex-ante-create').click();
    await page.getByTestId('ex-ante-assessment').waitFor();
    for (const code of SUB_ITEMS) {
      await chooseOption(page, `grade-${code}`, code === 'necessity.need' ? '中' : '良');
      // The next list opens only once this one has closed: two open lists would both offer 良.
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
    }
    await page.getByTestId('ex-ante-save').click();
    // 良 throughout but one 中: 立项必要性 20 × (0.8 + 0.8 + 0.6) / 3 = 14.67, the others 16 each.
    await page.getByTestId('ex-ante-total').getByText('78.67').waitFor();
    await page.getByTestId('ex-ante-conclude').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('评估得分 78.67 分，结论为“调整后支持”');
    await page.getByTestId('ex-ante-opinion').fill('需求测算依据基本充分，建议压缩培训场次后支持');
    await dialog.getByRole('button', { name: '确认结论' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByTestId('ex-ante-assessment');
    await card.getByText('调整后支持', { exact: true }).first().waitFor();
    expect(await page.getByTestId('ex-ante-save').count()).toBe(0);
    await screenshot(page, '15-ex-ante-concluded');
  });
});
