import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, signIn } from '../support/browser.ts';

/**
 * The unit's preparer records an approved 调整指标值 and the 核心指标 flag on the demo project's indicator
 * O1 (举办培训班期数, target 12, actual 10), sees it scored against the adjusted target and both
 * targets shown, then clears them again, so the demo's figures end as they began.
 */
let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
});
afterAll(() => browser.close());

async function saveIndicator(): Promise<void> {
  await page.getByTestId('indicator-save').click();
  await page.getByText('已保存').first().waitFor();
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.getByTestId('indicator-save').waitFor({ state: 'hidden' });
}

describe('the fields of filed forms in the indicator editor', () => {
  let before = '';

  it('the unit preparer opens the project evaluation’s indicators', async () => {
    await signIn(page, 'unit.preparer');
    await page.goto(`${baseUrl()}/evaluations`);
    await page
      .getByRole('link', { name: /中小企业数字化转型培训及服务券项目/ })
      .first()
      .click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}/);
    await page.getByTestId('score-total').waitFor();
    before = await page.getByTestId('score-total').innerText();
    await page.getByRole('tab', { name: /绩效指标/ }).click();
  });

  it('records an approved adjustment to 10 期 and the core flag: full marks, both targets and a 核心 tag shown', async () => {
    await page.getByTestId('indicator-row-O1').click();
    await page.getByTestId('indicator-adjusted-target-input').fill('10');
    await page.getByTestId('indicator-adjusted-target-text-input').fill('调整为10期（经主管部门批准）');
    await page.getByTestId('indicator-core-switch').click();
    await saveIndicator();
    const targets = page.getByTestId('indicator-adjusted-O1');
    await expect.poll(() => targets.innerText(), { timeout: 15_000 }).toContain('原指标值 12期');
    expect(await targets.innerText()).toContain('调整后 10期');
    await page.getByTestId('indicator-core-O1').waitFor();
    await expect.poll(() => page.getByTestId('score-total').innerText(), { timeout: 15_000 }).not.toBe(before);
  });

  it('clears them again and the score returns to what it was', async () => {
    await page.getByTestId('indicator-row-O1').click();
    await page.getByTestId('indicator-adjusted-target-input').fill('');
    await page.getByTestId('indicator-adjusted-target-text-input').fill('');
    await page.getByTestId('indicator-core-switch').click();
    await saveIndicator();
    await expect.poll(() => page.getByTestId('score-total').innerText(), { timeout: 15_000 }).toBe(before);
    expect(await page.getByTestId('indicator-adjusted-O1').count()).toBe(0);
    expect(await page.getByTestId('indicator-core-O1').count()).toBe(0);
  });
});
