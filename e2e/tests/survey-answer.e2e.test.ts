import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, openBrowser, screenshot, signIn } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
});
afterAll(() => browser.close());

// The survey feeds a 满意度 indicator of a year and a project of its own (2023, SURVEY-E2E), which no
// other browser test reads, so no figure another story asserts moves.
const LINKED_YEAR = 2023;

/** A project evaluation of its own with one 服务对象满意度 indicator for the survey to feed. */
async function ownSatisfactionIndicator(organisationId: string): Promise<{ evaluationId: string; indicatorId: string }> {
  const admin = await apiAs('admin');
  await admin.post('/api/fiscal-years', { year: LINKED_YEAR });
  const project = await admin.post('/api/projects', {
    organisationId,
    fiscalYear: LINKED_YEAR,
    code: 'SURVEY-E2E',
    name: '职业技能培训补贴（问卷测试）',
    category: '其他',
    budget: '100000.00',
  });
  expect(project.status, JSON.stringify(project.json)).toBe(201);
  const preparer = await apiAs('preparer');
  const evaluation = await preparer.post('/api/evaluations', { kind: 'project', fiscalYear: LINKED_YEAR, projectId: project.json.id });
  expect(evaluation.status, JSON.stringify(evaluation.json)).toBe(201);
  const evaluationId = String(evaluation.json.id);
  const indicator = await preparer.post(`/api/evaluations/${evaluationId}/indicators`, {
    level1: 'satisfaction',
    level2: 'beneficiary',
    name: '培训学员满意度',
    direction: '>=',
    target: '90',
    unit: '%',
  });
  expect(indicator.status, JSON.stringify(indicator.json)).toBe(201);
  return { evaluationId, indicatorId: String(indicator.json.id) };
}

async function linkedIndicator(evaluationId: string, indicatorId: string) {
  const view = (await (await apiAs('preparer')).get(`/api/evaluations/${evaluationId}`)).json as {
    indicators: { id: string; computedActual: string | null; actualSource: string | null }[];
  };
  return view.indicators.find((entry) => entry.id === indicatorId);
}

describe('满意度调查 in the browser', () => {
  it('a respondent answers on a 360 px phone without signing in; the response is counted and the linked indicator moves', async () => {
    await signIn(page, 'preparer');
    const me = await (await page.request.get(`${baseUrl()}/api/auth/me`)).json();
    const organisations = await (await page.request.get(`${baseUrl()}/api/organisations`)).json();
    const department = organisations.items.find((entry: { code: string }) => entry.code === 'PY-KGSX');
    // The page opens on the latest year.
    const years = (await (await page.request.get(`${baseUrl()}/api/fiscal-years`)).json()).items as { year: number }[];
    const fiscalYear = Math.max(...years.map((entry) => entry.year));
    const linked = await ownSatisfactionIndicator(department.id);
    const before = await linkedIndicator(linked.evaluationId, linked.indicatorId);
    expect([before?.computedActual, before?.actualSource]).toEqual([null, null]);
    const created = await page.request.post(`${baseUrl()}/api/surveys`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        organisationId: department.id,
        fiscalYear,
        title: '培训学员满意度调查（浏览器测试）',
        kind: 'training-participants',
        questions: [
          { id: 'content', kind: 'scale', text: '您对培训内容的实用性是否满意？', required: true },
          { id: 'overall', kind: 'scale', text: '总体而言，您对本次培训是否满意？', required: true, weight: '2' },
          { id: 'suggestion', kind: 'text', text: '您的意见或建议', required: false },
        ],
        plan: { populationSource: 'manual', population: 120, confidence: '95', margin: '5', responseRate: '80' },
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
        inviteOnly: false,
        links: { indicatorIds: [linked.indicatorId] },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const survey = await (await page.request.get(`${baseUrl()}/api/surveys/${(await created.json()).id}`)).json();

    await page.goto(`${baseUrl()}/surveys`);
    await page.getByText('培训学员满意度调查（浏览器测试）').click();
    await page.getByRole('tab', { name: '发放' }).click();
    const link = (await page.getByTestId('survey-link').innerText()).trim();
    expect(link).toBe(`${baseUrl()}/s/${survey.slug}`);
    await page.locator('.survey-qr svg').waitFor();

    const phone = await context.newPage();
    // The respondent has no session.
    await phone.context().clearCookies();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(link);
    await phone.getByRole('heading', { name: '培训学员满意度调查（浏览器测试）' }).waitFor();
    // Nothing is wider than the phone: no sideways scrolling.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByRole('button', { name: '提交问卷' }).click();
    await phone.getByText('第 1 题“您对培训内容的实用性是否满意？”为必答题，尚未作答').waitFor();
    await phone
      .getByRole('group', { name: /培训内容的实用性/ })
      .getByLabel('满意', { exact: true })
      .check();
    await phone
      .getByRole('group', { name: /总体而言/ })
      .getByLabel('非常满意')
      .check();
    await phone.getByLabel('您的意见或建议').fill('希望增加实操课时');
    await phone.getByRole('button', { name: '提交问卷' }).click();
    await phone.getByText('提交成功，感谢您参与本次满意度调查！').waitFor();
    await screenshot(phone, '16-survey-answered-phone');
    await phone.close();

    // The phone page shared the browser and dropped its cookies: the staff member signs in again.
    await signIn(page, 'preparer');
    await page.goto(`${baseUrl()}/surveys`);
    await page.getByText('培训学员满意度调查（浏览器测试）').click();
    const results = page.getByTestId('survey-results');
    // (80 + 100 × 2) / 3 = 93.33
    await results.getByText('93.33').waitFor();
    expect(await results.innerText()).toContain('1 / 92');
    await screenshot(page, '17-survey-results');

    // The linked indicator now takes the survey's figure, with the method and sample as its source.
    const after = await linkedIndicator(linked.evaluationId, linked.indicatorId);
    expect(after?.computedActual).toBe('93.33');
    expect(after?.actualSource).toMatch(/^由问卷调查计算：“培训学员满意度调查（浏览器测试）”，线上问卷调查，.*有效样本 1 份（计划 92 份）/);
    await page.goto(`${baseUrl()}/evaluations/${linked.evaluationId}?tab=indicators`);
    await page.getByText('93.33%').waitFor();
  });
});
