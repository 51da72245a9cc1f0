import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
});
afterAll(() => browser.close());

// The demo's HT2024-002 (评审及绩效跟踪服务, 828,000.00): its first report accepted and paid (414,000.00),
// the final report (414,000.00) not accepted, nothing in progress. Ending it early releases that
// 414,000.00 from 产业发展扶持资金. It runs after the story files (story-order.ts), whose figures
// never read this contract's reservation.
const CODE = 'HT2024-002';

async function openContract(): Promise<void> {
  await page.goto(`${baseUrl()}/control/contracts?year=2024`);
  const row = page.locator('[data-testid^="contract-row-"]', { hasText: CODE });
  await row.waitFor();
  await row.click();
  await page.getByTestId('contract-drawer').waitFor();
}

describe('终止 of a contract: requested with a reason, approved by another person', () => {
  it('the 经办人 asks to terminate, told first what the approval will release', async () => {
    await signIn(page, 'requester');
    await openContract();
    await page.getByTestId('contract-close').click();
    // 结清 is refused while a milestone is not accepted; 终止 is the default.
    await page.getByTestId('closure-reason').fill('评审工作提前完成，终期报告不再需要');
    expect(await page.getByTestId('closure-confirm').innerText()).toContain('414,000.00');
    await page.getByTestId('closure-submit').click();
    await page.getByTestId('closure-submit').waitFor({ state: 'hidden' });
    await page.getByTestId('contract-close-pending').waitFor();
    expect(await page.getByTestId('contract-close-pending').innerText()).toContain('终止');
    expect(await page.getByTestId('contract-close-decide').count()).toBe(0);
  });

  it('the 审批人 approves with an opinion: the contract is closed and the release recorded', async () => {
    await signOut(page);
    await signIn(page, 'approver');
    await openContract();
    await page.getByTestId('contract-close-decide').click();
    await page.getByTestId('closure-opinion').fill('同意终止');
    await page.getByTestId('closure-approve').click();
    await page.getByTestId('contract-closed-tag').waitFor();
    expect(await page.getByTestId('contract-closed-tag').innerText()).toBe('已终止');
    const history = await page.getByTestId('contract-closures').innerText();
    for (const text of ['已批准', '同意终止', '释放占用 414,000.00 元', '评审工作提前完成']) expect(history).toContain(text);
    await screenshot(page, '14-contract-terminated');
  });
});
