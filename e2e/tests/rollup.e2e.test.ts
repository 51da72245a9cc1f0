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

describe('汇总 of the department evaluation', () => {
  it('the department reviewer opens the roll-up tab: the official score beside the units and projects', async () => {
    await signIn(page, 'reviewer');
    const list = (await (await page.request.get(`${baseUrl()}/api/evaluations?fiscalYear=2024`)).json()) as {
      items: { id: string; kind: string }[];
    };
    const department = list.items.find((item) => item.kind === 'department');
    if (!department) throw new Error('demo department evaluation missing');
    await page.goto(`${baseUrl()}/evaluations/${department.id}?tab=rollup`);
    const tab = page.getByTestId('rollup');
    await tab.waitFor();
    expect(await tab.innerText()).toContain('番禺区中小企业服务中心（示例）');
    expect(await page.getByTestId('rollup-official').innerText()).toContain('部门整体自评得分');
    await screenshot(page, '17-rollup');
  });
});
