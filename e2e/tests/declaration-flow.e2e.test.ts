import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, chooseOption, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;

// A year and a project of their own (2027, DECL-E2E of 中小企业服务中心), so no figure the other
// browser tests assert moves.
const YEAR = 2027;
const CODE = 'DECL-E2E';

const api = apiAs;

let projectId = '';

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  page = await context.newPage();
  const admin = await api('admin');
  await admin.post('/api/fiscal-years', { year: YEAR });
  const organisations = (await admin.get('/api/organisations')).json.items as { id: string; name: string }[];
  const unit = organisations.find((organisation) => organisation.name.includes('中小企业服务中心'));
  const created = await admin.post('/api/projects', {
    organisationId: unit?.id,
    fiscalYear: YEAR,
    code: CODE,
    name: '中小企业数字化转型服务',
    category: '其他',
    budget: '800000.00',
  });
  expect(created.status).toBe(201);
  projectId = String(created.json.id);
}, 60_000);
afterAll(() => browser.close());

async function openDeclaration(): Promise<void> {
  await page.goto(`${baseUrl()}/declarations?fiscalYear=${YEAR}`);
  await page.getByTestId(`declaration-${CODE}`).click();
  await page.getByTestId('declaration-status').waitFor();
}

async function confirmStep(button: string, comment?: string): Promise<void> {
  await page.getByTestId(button).click();
  if (comment) await page.getByTestId('declaration-comment').fill(comment);
  await page.getByTestId('declaration-confirm').click();
  await page.getByTestId('declaration-confirm').waitFor({ state: 'hidden' });
}

describe('绩效目标申报: the unit declares, the department returns, finance approves, the evaluation opens from it', () => {
  it('the unit drafts the targets; a vague set is flagged and each finding needs a reason', async () => {
    await signIn(page, 'unit.preparer');
    await page.goto(`${baseUrl()}/declarations?fiscalYear=${YEAR}`);
    await page.getByTestId('declaration-create').click();
    await chooseOption(page, 'declaration-project', `${CODE} 中小企业数字化转型服务`);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    await page.getByTestId('declaration-overall-goal').fill('推动辖区中小企业数字化转型');
    await page.getByTestId('declaration-add-indicator').click();
    await page.getByTestId('line-0-name').fill('服务企业数量');
    await page.getByTestId('line-0-target').fill('200');
    await page.getByTestId('line-0-unit').fill('家');
    // A line from the library comes filled (name, unit, direction, source, evidence) with a suggestion from history.
    await page.getByTestId('declaration-pick-library').click();
    await page.getByTestId('library-search').locator('input').fill('培训人次');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await page.getByTestId('library-pick-培训人次').click();
    await page.getByTestId('line-1-name').and(page.locator('[value="培训人次"]')).waitFor();
    const suggestion = page.getByTestId('suggestion-1');
    await suggestion.filter({ hasText: '同类 6 个项目目标值中位数' }).waitFor();
    await page.getByTestId('take-suggestion-1').click();
    const taken = await page.getByTestId('line-1-target').inputValue();
    expect(await suggestion.innerText()).toContain(`建议不低于 ${taken} 人次`);
    await page.getByTestId('declaration-save').click();
    await page.getByTestId('finding-MISSING_QUALITY_INDICATOR').waitFor();
    expect(await page.getByTestId('declaration-funds-total').innerText()).toBe('800,000.00');
    for (const code of [
      'MISSING_QUALITY_INDICATOR',
      'MISSING_TIMELINESS_INDICATOR',
      'MISSING_COST_INDICATOR',
      'MISSING_SATISFACTION_INDICATOR',
    ]) {
      await page.getByTestId(`reason-${code}`).fill('本年度只申报数量目标');
    }
    await confirmStep('declaration-submit');
    await page.getByTestId('declaration-status').filter({ hasText: '待部门审核' }).waitFor();
  });

  it('the department returns it with an opinion beside the indicator', async () => {
    await signOut(page);
    await signIn(page, 'reviewer');
    await openDeclaration();
    await page.getByTestId('opinion-服务企业数量').fill('目标低于上年实际，请提高');
    await confirmStep('declaration-return', '请按意见修改指标值');
    await page.getByTestId('declaration-status').filter({ hasText: '已退回' }).waitFor();
  });

  it('the unit sees the opinions in place, fixes the target and submits again', async () => {
    await signOut(page);
    await signIn(page, 'unit.preparer');
    await openDeclaration();
    expect(await page.getByTestId('declaration-opinions').innerText()).toContain('请按意见修改指标值');
    expect(await page.getByTestId('line-opinions-服务企业数量').innerText()).toContain('目标低于上年实际，请提高');
    await page.getByTestId('line-0-target').fill('320');
    await page.getByTestId('declaration-save').click();
    await page.getByTestId('line-0-target').and(page.locator('[value="320"]')).waitFor();
    await confirmStep('declaration-submit');
    await page.getByTestId('declaration-status').filter({ hasText: '待部门审核' }).waitFor();
  });

  it('the department approves, and finance gives a verdict per indicator and approves (批复)', async () => {
    await signOut(page);
    await signIn(page, 'reviewer');
    await openDeclaration();
    await confirmStep('declaration-approve');
    await page.getByTestId('declaration-status').filter({ hasText: '待财政审核' }).waitFor();
    await signOut(page);
    await signIn(page, 'finance');
    await openDeclaration();
    await chooseOption(page, 'verdict-服务企业数量', '通过');
    await chooseOption(page, 'verdict-培训人次', '通过');
    await confirmStep('declaration-approve', '同意');
    await page.getByTestId('declaration-status').filter({ hasText: '已批复' }).waitFor();
    await screenshot(page, '20-declaration-approved');
  });

  it('the year-end evaluation opens with the approved targets', async () => {
    const unit = await api('unit.preparer');
    const created = await unit.post('/api/evaluations', { kind: 'project', fiscalYear: YEAR, projectId });
    expect(created.status).toBe(201);
    await signOut(page);
    await signIn(page, 'unit.preparer');
    await page.goto(`${baseUrl()}/evaluations/${String(created.json.id)}?tab=indicators`);
    await page.getByTestId('evaluation-declaration').waitFor();
    expect(await page.getByTestId('evaluation-declaration').innerText()).toContain('第 1 版');
    const evaluation = (await unit.get(`/api/evaluations/${String(created.json.id)}`)).json as {
      indicators: { name: string; target: string; declaredIndicatorId: string | null }[];
    };
    expect(evaluation.indicators.map(({ name }) => name)).toEqual(['服务企业数量', '培训人次']);
    expect(evaluation.indicators[0]?.target).toBe('320');
    expect(evaluation.indicators[0]?.declaredIndicatorId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
