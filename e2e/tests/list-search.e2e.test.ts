import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser.close());

describe('the search box of a paged list', () => {
  it('the accountant finds a payee’s payments among all of the year’s, and clears the search', async () => {
    await signIn(page, 'accountant');
    // The payee was paid in the reference year; the demo also holds this year's ledger (its monitoring round).
    await page.goto(`${baseUrl()}/control/payments?year=2024`);
    const rows = page.locator('.ant-table-tbody .ant-table-row');
    await rows.first().waitFor();
    const box = page.getByTestId('payment-search').locator('input');
    await box.fill('某充电科技');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '某充电科技');
    // The search's page replaces the year's: rows, all of them the payee's (none while it loads).
    const onlyThePayee = async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 0 && texts.every((text) => text.includes('某充电科技'));
    };
    await expect.poll(onlyThePayee, { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'list-search-payments');
    await box.fill('');
    await box.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await expect.poll(async () => (await rows.allInnerTexts()).some((text) => !text.includes('某充电科技'))).toBe(true);
  });
});
