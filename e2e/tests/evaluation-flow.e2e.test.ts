import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;
let evaluationUrl = '';

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
});
afterAll(() => browser.close());

async function openPanyu(): Promise<void> {
  if (evaluationUrl) {
    await page.goto(evaluationUrl);
  } else {
    await page.goto(`${baseUrl()}/evaluations`);
    await page.getByRole('link', { name: '广州市番禺区科技工业商务和信息化局', exact: true }).click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}/);
    evaluationUrl = page.url();
  }
  await page.getByTestId('score-total').waitFor();
}

/** Submit, approve and publish are confirmed in a dialog (the opinion is optional); 退回 needs the comment. */
async function act(action: 'submit' | 'approve' | 'publish'): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('comment-confirm').click();
  // Publication freezes the report (Word and HTML) and the 自评表 in one transaction: on a busy machine that
  // can outlast the default wait, which would fail the story for slowness alone.
  await page.getByTestId('comment-confirm').waitFor({ state: 'hidden', timeout: 90_000 });
}

async function returnWith(comment: string): Promise<void> {
  await page.getByTestId('action-return').click();
  await page.getByTestId('comment-input').fill(comment);
  await page.getByTestId('comment-confirm').click();
}

/** Saves the open indicator drawer and closes it (it stays open after saving, showing 已保存). */
async function saveIndicator(): Promise<void> {
  await page.getByTestId('indicator-save').click();
  await page.getByText('已保存').first().waitFor();
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.getByTestId('indicator-save').waitFor({ state: 'hidden' });
}

/** The API requests the page sends while `during` runs and until the score has come back and the page is quiet. */
async function apiRequestsDuring(during: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (request: { url(): string; method(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${request.method()} ${url.pathname.replace(/[0-9a-f-]{36}/g, ':id')}`);
  };
  page.on('request', record);
  try {
    const scored = page.waitForResponse((response) => /\/api\/evaluations\/[0-9a-f-]{36}\/score$/.test(response.url()), {
      timeout: 30_000,
    });
    await during();
    await scored;
    // A request still to come (a second reload) would start within moments of the last answer; a
    // generous quiet period catches it on a busy machine. Nothing is asserted about time itself.
    await page.waitForTimeout(3_000);
  } finally {
    page.off('request', record);
  }
  return seen;
}

async function statusIs(label: string): Promise<void> {
  await expect.poll(async () => (await page.locator('body').innerText()).includes(label), { timeout: 15_000 }).toBe(true);
}

describe('a self-evaluation from the unit to the public', () => {
  it('the preparer signs in, finds the Panyu evaluation and its score 99.52', async () => {
    await signIn(page, 'preparer');
    await page.getByText('我的待办').first().waitFor();
    await screenshot(page, '01-workbench');
    await openPanyu();
    await expect.poll(() => page.getByTestId('score-total').innerText()).toContain('99.52');
    await screenshot(page, '02-evaluation');
  });

  it('edits an indicator’s actual value, with a deviation reason, and sees the score change', async () => {
    await page.getByRole('tab', { name: /绩效指标/ }).click();
    await page.getByTestId('indicator-row-G2-5').click();
    await page.getByTestId('indicator-actual-input').fill('140');
    await page.getByTestId('indicator-deviation-input').fill('部分充电站因电网接入延期，年内未建成');
    await saveIndicator();
    await expect.poll(() => page.getByTestId('score-total').innerText(), { timeout: 15_000 }).not.toContain('99.52');
    await screenshot(page, '03-indicators');
  });

  it('sees the report’s stale “实际168个” flagged live, and the flag go once the wording follows', async () => {
    const stale = page.getByTestId('findings').getByText('实际168个');
    await expect.poll(() => stale.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await stale.first().innerText()).toContain('与当前数据 140个 不符');
    await page.getByTestId('indicator-row-G2-5').click();
    await page.getByTestId('indicator-actual-text-input').fill('实际建成140个');
    await saveIndicator();
    await expect.poll(() => stale.count(), { timeout: 15_000 }).toBe(0);
  });

  it('saving one indicator field is one write and one read (the score), not three loads', async () => {
    await page.getByTestId('indicator-row-G2-5').click();
    await page.getByTestId('indicator-deviation-input').fill('部分充电站因电网接入延期，年内未建成，已列入下年计划');
    const requests = await apiRequestsDuring(saveIndicator);
    // Before the query cache: PATCH, then the whole evaluation and its score again (3 round trips).
    expect(requests).toEqual(['PATCH /api/indicators/:id', 'GET /api/evaluations/:id/score']);
    await page.getByTestId('indicator-row-G2-5').click();
    await expect.poll(() => page.getByTestId('indicator-deviation-input').inputValue()).toContain('已列入下年计划');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
  });

  it('submits, after which the indicator drawer no longer takes typing', async () => {
    await act('submit');
    await statusIs('待部门审核');
    await page.getByRole('tab', { name: /绩效指标/ }).click();
    await page.getByTestId('indicator-row-G2-5').click();
    expect(await page.getByTestId('indicator-actual-input').isDisabled()).toBe(true);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
  });

  it('the department reviewer returns it with a comment', async () => {
    await signOut(page);
    await signIn(page, 'reviewer');
    await openPanyu();
    await returnWith('请补充新增充电设施未完成部分的整改计划');
    await statusIs('已退回');
    await screenshot(page, '04-returned');
  });

  it('the preparer sees the comment, fixes and resubmits', async () => {
    await signOut(page);
    await signIn(page, 'preparer');
    await openPanyu();
    await expect.poll(async () => (await page.locator('body').innerText()).includes('请补充新增充电设施未完成部分的整改计划')).toBe(true);
    await page.getByRole('tab', { name: /绩效指标/ }).click();
    await page.getByTestId('indicator-row-G2-5').click();
    await page.getByTestId('indicator-deviation-input').fill('部分充电站因电网接入延期，年内未建成；已制定整改计划，2025年一季度完成');
    await saveIndicator();
    await act('submit');
    await statusIs('待部门审核');
  });

  it('the reviewer and the finance bureau approve, and the finance bureau publishes', async () => {
    await signOut(page);
    await signIn(page, 'reviewer');
    await openPanyu();
    await act('approve');
    await statusIs('待财政复核');
    await signOut(page);
    await signIn(page, 'finance');
    await openPanyu();
    await screenshot(page, '05-finance-review');
    await act('approve');
    await statusIs('财政复核通过');
    await act('publish');
    await statusIs('已公开');
  }, 300_000);

  it('the public page shows the report without logging in, and the .docx downloads', async () => {
    await signOut(page);
    await page.goto(`${baseUrl()}/public/PY-KGSX/2024`);
    await expect.poll(() => page.getByTestId('public-total').innerText(), { timeout: 60_000 }).toMatch(/^\d+\.\d{2}$/);
    expect(await page.locator('body').innerText()).toContain('产业扶持资金促进企业产生工业投资不少于20亿元');
    await screenshot(page, '06-public-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('public-download-docx').click()]);
    const path = await download.path();
    expect(download.suggestedFilename()).toBe('广州市番禺区科技工业商务和信息化局2024年度部门整体支出绩效自评表说明.docx');
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });
});
