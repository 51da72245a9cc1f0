import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

/**
 * The main pages at 1440 × 900 (issue 15 "Layout at 1440 px"), each as the user who works on it: no table
 * is wider than its container and the page never scrolls sideways, in Chinese and in English. Every page is
 * kept as a screenshot in both languages (e2e/artifacts/layout-<page>-<locale>.png).
 */
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let evaluationId: string;

interface Visit {
  readonly name: string;
  readonly user: string;
  readonly path: () => string;
}

const VISITS: readonly Visit[] = [
  { name: 'evaluations', user: 'preparer', path: () => '/evaluations' },
  { name: 'indicators', user: 'preparer', path: () => `/evaluations/${evaluationId}?tab=indicators` },
  { name: 'score', user: 'preparer', path: () => `/evaluations/${evaluationId}?tab=score` },
  { name: 'reviews', user: 'reviewer', path: () => '/reviews' },
  { name: 'declarations', user: 'unit.preparer', path: () => '/declarations' },
  { name: 'ledger', user: 'accountant', path: () => '/control/ledger' },
  { name: 'payments', user: 'accountant', path: () => '/control/payments' },
  { name: 'procurements', user: 'accountant', path: () => '/control/procurements' },
  { name: 'contracts', user: 'accountant', path: () => '/control/contracts' },
  { name: 'assets', user: 'asset.manager', path: () => '/control/assets' },
  { name: 'subsidies', user: 'accountant', path: () => '/control/subsidies' },
  { name: 'audit', user: 'auditor', path: () => '/audit' },
  { name: 'overview', user: 'finance', path: () => '/overview' },
];

/** Every table body or content box wider than its own box, and the page's own overflow, in pixels. */
async function overflows(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const box of document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
      if (box.offsetParent === null) continue;
      if (box.scrollWidth > box.clientWidth + 1) {
        const table = box.closest('.ant-table-wrapper');
        const heading = table?.querySelector('th')?.textContent ?? '';
        found.push(`table (first column "${heading}") ${box.scrollWidth} > ${box.clientWidth}`);
      }
    }
    return found;
  });
}

async function settle(target: Page): Promise<void> {
  await target.waitForLoadState('networkidle');
  await target
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const preparer = await apiAs('preparer');
  const list = (await preparer.get('/api/evaluations')).json as { items: { id: string; kind: string }[] };
  evaluationId = list.items.find((item) => item.kind === 'project')?.id ?? list.items[0]?.id ?? '';
  expect(evaluationId).not.toBe('');
});
afterAll(() => browser.close());

describe('the main pages at 1440 × 900', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`fit their tables and the page in ${locale}`, async () => {
      const problems: string[] = [];
      let signedInAs = '';
      for (const visit of VISITS) {
        if (visit.user !== signedInAs) {
          await signOut(page);
          await signIn(page, visit.user);
          await page.evaluate((chosen) => localStorage.setItem('jixiao.locale', chosen), locale);
          signedInAs = visit.user;
        }
        await page.goto(`${baseUrl()}${visit.path()}`);
        await settle(page);
        await page.locator('.ant-table, .ant-empty, .ant-result').first().waitFor({ timeout: 15_000 });
        for (const problem of await overflows(page)) problems.push(`${visit.name}: ${problem}`);
        await screenshot(page, `layout-${visit.name}-${locale === 'en' ? 'en' : 'zh'}`);
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
