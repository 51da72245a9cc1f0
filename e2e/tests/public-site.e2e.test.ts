import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

/**
 * The public site as a citizen reads it, signed out: search the index, open the department, see the score
 * chart and the approved targets, open a report and download its 自评表 (.xlsx); a wrong address gets the
 * site's own not-found page. The demo's project evaluation is published through the API first.
 */
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

const PROJECT = '中小企业数字化转型培训及服务券项目（示例）';

async function publishProjectEvaluation() {
  const finance = await apiAs('finance');
  const list = (await finance.get('/api/evaluations?fiscalYear=2024')).json.items as { id: string; kind: string; status: string }[];
  const project = list.find((item) => item.kind === 'project');
  if (!project) throw new Error('demo project evaluation missing');
  const steps: [string, string][] = [
    ['draft', 'unit.preparer:submit'],
    ['returned', 'unit.preparer:submit'],
    ['submitted', 'reviewer:approve'],
    ['department_approved', 'finance:approve'],
    ['finance_approved', 'finance:publish'],
  ];
  for (;;) {
    const detail = (await finance.get(`/api/evaluations/${project.id}`)).json as { status: string; revision: number };
    const next = steps.find(([status]) => status === detail.status)?.[1];
    if (!next) break;
    const [username, action] = next.split(':') as [string, string];
    const moved = await (await apiAs(username)).post(`/api/evaluations/${project.id}/transitions`, { action, revision: detail.revision });
    if (moved.status !== 200) throw new Error(`${action}: ${moved.status} ${JSON.stringify(moved.json)}`);
  }
}

beforeAll(async () => {
  await publishProjectEvaluation();
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser.close());

describe('公开 (public site)', () => {
  it('searches the index and finds the unit’s report under its department', async () => {
    await page.goto(`${baseUrl()}/public`);
    await page.getByTestId('public-results').waitFor();
    await page.getByTestId('public-search-q').fill('PY-KGSX-02');
    await page.getByTestId('public-search-submit').click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'PY-KGSX-02');
    const results = await page.getByTestId('public-results').innerText();
    expect(results).toContain(PROJECT);
    expect(results).toContain('广州市番禺区科技工业商务和信息化局');
    await screenshot(page, '30-public-search');
    await page.getByTestId('public-search-q').fill('没有这个部门%');
    await page.getByTestId('public-search-submit').click();
    await page.getByTestId('public-empty').waitFor();
    expect(await page.getByTestId('public-empty').innerText()).toContain('没有找到与“没有这个部门%”相符的');
  });

  it('opens the department: the score chart per 一级指标 and the approved targets', async () => {
    await page.goto(`${baseUrl()}/public?q=PY-KGSX-02`);
    await page.getByTestId('public-results').locator('a[href="/public/PY-KGSX"]').first().click();
    await page.getByTestId('public-department-name').waitFor();
    expect(await page.getByTestId('public-department-name').innerText()).toBe('广州市番禺区科技工业商务和信息化局');
    const chart = page.getByTestId('public-score-chart').first();
    await chart.waitFor();
    expect(await chart.locator('svg rect').count()).toBeGreaterThanOrEqual(4);
    const targets = await page.getByTestId('public-targets').allInnerTexts();
    expect(targets.some((text) => text.includes(`${PROJECT} 项目支出绩效目标`))).toBe(true);
    expect(targets.some((text) => text.includes('部门整体支出绩效目标'))).toBe(true);
    expect(await page.locator('body').innerText()).not.toContain('中小企业公共服务平台运营项目');
    await screenshot(page, '31-public-department');
    await page.setViewportSize({ width: 375, height: 800 });
    // Nothing but the wide tables (which scroll in their own box) is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, '32-public-department-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('opens the project’s report and downloads its 项目支出绩效自评表 as .xlsx', async () => {
    await page.locator('a[href="/public/PY-KGSX-02/2024/projects/XM2024-017"]').first().click();
    await page.getByTestId('public-total').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('020-00000000');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('public-download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`${PROJECT}2024年度项目支出绩效自评表.xlsx`);
    const bytes = readFileSync(await download.path());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell('A1').value)).toBe('项目支出绩效自评表');
    expect(String(sheet?.getCell('C3').value)).toBe(PROJECT);
  });

  it('the department reviewer opts in to the phone on the 公开报告 page, confirmed; the public page then shows it', async () => {
    await signIn(page, 'reviewer');
    await page.goto(`${baseUrl()}/public-reports`);
    const card = page.getByTestId('public-settings');
    await card.waitFor();
    expect(await card.innerText()).toContain('广州市番禺区科技工业商务和信息化局');
    const toggle = page.getByTestId('public-settings-phone');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.locator('.ant-modal-confirm-title', { hasText: '公开填报人联系电话？' }).waitFor();
    await screenshot(page, '34-public-settings-confirm');
    await page.getByTestId('public-settings-confirm').click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await signOut(page);
    await page.goto(`${baseUrl()}/public/PY-KGSX-02/2024/projects/XM2024-017`);
    expect(await page.getByTestId('public-phone').innerText()).toBe('填报人联系电话：020-00000000');
    // Back to the default, for the tests after this one.
    const reviewer = await apiAs('reviewer');
    const organisations = (await reviewer.get('/api/auth/me')).json as { user: { organisationId: string } };
    const setting = (await reviewer.get(`/api/public-settings/${organisations.user.organisationId}`)).json as { version: number };
    const reset = await reviewer.put(`/api/public-settings/${organisations.user.organisationId}`, {
      showPreparerPhone: false,
      version: setting.version,
    });
    expect(reset.status).toBe(200);
  });

  it('answers a wrong address with the site’s own not-found page', async () => {
    const response = await page.goto(`${baseUrl()}/public/PY-NOPE`);
    expect(response?.status()).toBe(404);
    expect(await page.getByTestId('public-not-found').innerText()).toContain('没有找到编码为“PY-NOPE”的部门或单位');
    await screenshot(page, '33-public-not-found');
  });
});
