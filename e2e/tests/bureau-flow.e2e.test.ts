import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, chooseOption, openBrowser, screenshot, signIn, signOut } from '../support/browser.ts';

/**
 * The finance bureau's year end, through the screens: the overview's anomaly list, a sampled re-review
 * (抽查复核) of the reference department's handed-in evaluations with one indicator re-scored and its
 * reason, a rectification notice (整改) the unit answers with evidence and the bureau closes, and the
 * re-review result published on the public site. Only the set-up (handing the evaluations in) uses the API.
 * The browser set-up holds the reference department only, which has two evaluations for 2024: the sample
 * is both of them (the brief's three where the district is loaded; the draw rule is the same).
 */
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

const PROJECT = '中小企业数字化转型培训及服务券项目（示例）';
const UNIT = '番禺区中小企业服务中心（示例）';
const ROUND = '2024 年度抽查复核（浏览器）';
const NOTICE = '2024 年度抽查复核发现自评偏高';
// Generous: the machine is shared, and publication freezes reports inside one transaction.
const SLOW = { timeout: 60_000 };

/** Hands each of the year's evaluations in (and on to publication), whoever may take the next step. */
async function handIn() {
  const finance = await apiAs('finance');
  const list = (await finance.get('/api/evaluations?fiscalYear=2024')).json.items as { id: string; kind: string }[];
  if (list.length < 2) throw new Error('demo evaluations missing');
  const actionOf: Record<string, string> = {
    draft: 'submit',
    returned: 'submit',
    submitted: 'approve',
    department_approved: 'approve',
    finance_approved: 'publish',
  };
  const people = await Promise.all(['preparer', 'unit.preparer', 'reviewer', 'head', 'finance'].map((name) => apiAs(name)));
  for (const evaluation of list) {
    for (let step = 0; step < 8; step++) {
      const detail = (await finance.get(`/api/evaluations/${evaluation.id}`)).json as { status: string; revision: number };
      const action = actionOf[detail.status];
      if (!action) break;
      let moved = false;
      const refusals: string[] = [];
      for (const person of people) {
        const answer = await person.post(`/api/evaluations/${evaluation.id}/transitions`, { action, revision: detail.revision });
        if (answer.status === 200) {
          moved = true;
          break;
        }
        refusals.push(`${answer.status} ${JSON.stringify(answer.json)}`);
      }
      if (!moved) throw new Error(`${evaluation.kind} ${action}: ${refusals.join('; ')}`);
    }
  }
}

/** The primary button of the dialog or pop-confirm that is open now. */
const okOf = (scope: Locator) => scope.locator('.ant-btn-primary').last();

async function choose(page: Page, field: Locator, title: string) {
  await field.locator('.ant-select').first().click();
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  await option.waitFor(SLOW);
  await option.click();
  await field.locator(`.ant-select [title="${title}"]`).first().waitFor(SLOW);
}

beforeAll(async () => {
  await handIn();
  browser = await openBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
}, 180_000);
afterAll(() => browser.close());

describe('财政局 (the bureau’s year end)', () => {
  it('opens the overview and finds an anomaly on the reference department, with the rule behind it', async () => {
    await signIn(page, 'finance');
    await page.goto(`${baseUrl()}/overview`);
    // The overview opens on the latest year with evaluations; other stories open later years' drafts.
    await page.getByTestId('overview-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="2024"]').click();
    const anomalies = page.getByTestId('overview-anomalies');
    await anomalies.locator('tbody tr.ant-table-row').first().waitFor(SLOW);
    const rows = await anomalies.locator('tbody tr.ant-table-row').allInnerTexts();
    const ours = rows.filter((row) => row.includes('广州市番禺区科技工业商务和信息化局'));
    expect(ours.length).toBeGreaterThan(0);
    // Each anomaly names its rule in plain words beside the tag.
    expect(ours.every((row) => row.split('\t').filter((cell) => cell.trim()).length >= 4)).toBe(true);
    await screenshot(page, '40-bureau-overview-anomalies');
  }, 120_000);

  it('samples the handed-in evaluations, re-scores one indicator with a reason, completes and publishes', async () => {
    await page.goto(`${baseUrl()}/rereviews`);
    // The page opens on the latest year; the handed-in evaluations are the reference year's.
    await choose(page, page.locator('.page-stack .ant-card').first(), '2024');
    await page.getByTestId('rereview-new').click();
    const drawer = page.locator('.ant-drawer-section').last();
    await drawer.getByLabel('批次名称').fill(ROUND);
    await drawer.getByText('按金额标准抽取').click();
    await drawer.getByLabel('金额标准（元，不低于此金额的全部抽取）').fill('0.01');
    await drawer.getByText('其余随机抽取').click();
    await drawer.locator('.ant-table-row', { hasText: PROJECT }).waitFor(SLOW);
    expect(await drawer.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, '41-bureau-rereview-preview');
    await drawer.getByRole('button', { name: '保存批次' }).click();

    const round = page.locator('.ant-drawer-section', { hasText: ROUND }).last();
    await round.getByRole('button', { name: '确认样本' }).waitFor(SLOW);
    await round.getByRole('button', { name: '确认样本' }).click();
    await okOf(page.locator('.ant-popover:visible')).click();
    const sampleRows = round.locator('.ant-table-row').filter({ has: page.getByRole('button', { name: /^复\s?核$/ }) });
    await sampleRows.first().waitFor(SLOW);
    const count = await sampleRows.count();
    expect(count).toBeGreaterThanOrEqual(2);

    for (let index = 0; index < count; index++) {
      const row = round
        .locator('.ant-table-row')
        .filter({ has: page.getByRole('button', { name: /^复\s?核$/ }) })
        .nth(index);
      const isProject = (await row.innerText()).includes(PROJECT);
      await row.getByRole('button', { name: /^复\s?核$/ }).click();
      const rescore = page.locator('.ant-drawer-section').last();
      await rescore.getByRole('button', { name: '完成复核' }).waitFor(SLOW);
      if (isProject) {
        // The first indicator scored above 0 loses a point, with the reason beside it.
        const inputs = rescore.locator('input[aria-label$=" 复核分"]');
        const total = await inputs.count();
        let changed = -1;
        for (let at = 0; at < total; at++) {
          const value = Number(await inputs.nth(at).inputValue());
          if (value >= 1) {
            await inputs.nth(at).fill(String(value - 1));
            changed = at;
            break;
          }
        }
        expect(changed).toBeGreaterThanOrEqual(0);
        await rescore
          .locator('input[aria-label$=" 复核理由"]')
          .nth(changed)
          .fill('抽查佐证材料，培训人次的统计口径含重复参训，按实际人数扣 1 分');
        const [saved] = await Promise.all([
          page.waitForResponse((response) => response.url().endsWith('/scores') && response.request().method() === 'PUT', SLOW),
          rescore.getByRole('button', { name: '保存复核分' }).click(),
        ]);
        expect(saved.status(), await saved.text()).toBe(200);
        await screenshot(page, '42-bureau-rescore');
      } else {
        // Re-scored as self-scored: saved, so that the sample can be completed with a deviation of 0.
        const [saved] = await Promise.all([
          page.waitForResponse((response) => response.url().endsWith('/scores') && response.request().method() === 'PUT', SLOW),
          rescore.getByRole('button', { name: '保存复核分' }).click(),
        ]);
        expect(saved.status(), await saved.text()).toBe(200);
      }
      await rescore.getByPlaceholder('复核意见').fill(isProject ? '自评偏高 1 分，已下发整改通知' : '自评与复核一致');
      await rescore.getByRole('button', { name: '完成复核' }).click();
      await okOf(page.locator('.ant-popover:visible')).click();
      await rescore.getByText(/^复核意见：/).waitFor(SLOW);
      // The re-review total and the deviation (自评 − 复核) are fixed at completion.
      await expect
        .poll(() => rescore.locator('.ant-descriptions').innerText(), SLOW)
        .toMatch(isProject ? /偏差（自评 − 复核）\s*1\.00/ : /偏差（自评 − 复核）\s*0\.00/);
      await rescore.locator('.ant-drawer-close').click();
      // `.last()` re-resolves to the round's drawer once this one closes: wait until only that one is open.
      await expect.poll(() => page.locator('.ant-drawer-open .ant-drawer-section').count(), SLOW).toBe(1);
    }

    await round.getByRole('button', { name: '公开结果' }).waitFor(SLOW);
    await round.getByRole('button', { name: '公开结果' }).click();
    await okOf(page.locator('.ant-popover:visible')).click();
    await round
      .getByText(/公开日期：/)
      .first()
      .waitFor(SLOW);
    const results = await round.locator('.ant-table').filter({ hasText: '复核意见' }).first().innerText();
    expect(results).toContain('自评偏高 1 分');
    await screenshot(page, '43-bureau-rereview-published');
  }, 240_000);

  it('issues a rectification to the unit, confirmed', async () => {
    await page.goto(`${baseUrl()}/rectifications`);
    await page.getByTestId('rectification-issue').click();
    const form = page.getByTestId('rectification-issue-form');
    await form.waitFor(SLOW);
    await choose(page, form.locator('.ant-form-item', { hasText: '整改单位' }), UNIT);
    await choose(page, form.locator('.ant-form-item', { hasText: '问题来源' }), '抽查复核结果');
    await form.locator('.ant-form-item', { hasText: '来源事项' }).locator('input').fill(NOTICE);
    await form.locator('.ant-form-item', { hasText: '年度' }).locator('input').last().fill('2024');
    await form
      .locator('.ant-form-item', { hasText: '存在问题' })
      .locator('textarea')
      .fill(`${PROJECT}培训人次统计含重复参训，自评偏高 1 分`);
    await form.locator('.ant-form-item', { hasText: '整改要求' }).locator('textarea').fill('按实际参训人数重新统计\n建立参训台账');
    await form.locator('.ant-form-item', { hasText: '整改期限' }).locator('input').fill('2027-03-31');
    await okOf(page.locator('.ant-modal', { has: form }).locator('.ant-modal-footer')).click();
    await okOf(page.locator('.ant-modal-confirm')).click();
    const detail = page.getByTestId('rectification-detail');
    await detail.waitFor(SLOW);
    expect(await detail.innerText()).toContain('待反馈');
    await screenshot(page, '44-bureau-rectification-issued');
  }, 120_000);

  it('the unit answers with evidence, confirmed', async () => {
    await signOut(page);
    await signIn(page, 'unit.preparer');
    await page.goto(`${baseUrl()}/rectifications`);
    await page.locator('.ant-table-row', { hasText: NOTICE }).click();
    const form = page.getByTestId('rectification-feedback-form');
    await form.waitFor(SLOW);
    await form.locator('textarea').fill('已按签到表重新统计实际参训 1,180 人，建立参训台账，按月更新');
    await form.getByRole('button', { name: '添加佐证材料' }).click();
    await form.getByPlaceholder('材料说明').fill('参训签到汇总表（盖章扫描件）');
    await form.getByPlaceholder('链接（可选）').fill('https://example.org/evidence/sign-in-2024.pdf');
    await page.getByTestId('rectification-submit-feedback').click();
    await okOf(page.locator('.ant-modal-confirm')).click();
    const history = page.getByTestId('rectification-history');
    await history.getByText('参训签到汇总表（盖章扫描件）').waitFor(SLOW);
    expect(await page.getByTestId('rectification-detail').innerText()).toContain('待核验');
    await screenshot(page, '45-bureau-rectification-feedback');
  }, 120_000);

  it('the bureau verifies and closes it, confirmed', async () => {
    await signOut(page);
    await signIn(page, 'finance');
    await page.goto(`${baseUrl()}/rectifications`);
    await page.locator('.ant-table-row', { hasText: NOTICE }).click();
    const verify = page.getByTestId('rectification-verify');
    await verify.waitFor(SLOW);
    await verify.locator('textarea').fill('核对签到汇总表与台账，整改到位');
    await page.getByTestId('rectification-close').click();
    await okOf(page.locator('.ant-modal-confirm')).click();
    await expect.poll(() => page.getByTestId('rectification-detail').innerText(), SLOW).toContain('已销号');
    await screenshot(page, '46-bureau-rectification-closed');
  }, 120_000);

  it('the public page shows the published re-review result', async () => {
    await signOut(page);
    await page.goto(`${baseUrl()}/public/PY-KGSX`);
    const rereview = page.getByTestId('public-rereview').filter({ hasText: ROUND });
    await rereview.waitFor(SLOW);
    const text = await rereview.innerText();
    expect(text).toContain(PROJECT);
    expect(text).toContain('自评偏高 1 分，已下发整改通知');
    expect(text).toMatch(/1\.00/);
    await screenshot(page, '47-bureau-public-rereview');
  }, 120_000);

  it('an administrator picks a department on the 公开报告 page and changes its phone setting, confirmed', async () => {
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/public-reports`);
    await chooseOption(page, 'public-settings-department', '广州市番禺区科技工业商务和信息化局');
    const card = page.getByTestId('public-settings');
    await card.waitFor(SLOW);
    expect(await card.innerText()).toContain('广州市番禺区科技工业商务和信息化局');
    const toggle = page.getByTestId('public-settings-phone');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.getByTestId('public-settings-confirm').click();
    await expect.poll(() => toggle.getAttribute('aria-checked'), SLOW).toBe('true');
    await screenshot(page, '48-admin-public-settings');
    // Back to the default, through the same screen.
    await toggle.click();
    await page.getByTestId('public-settings-confirm').click();
    await expect.poll(() => toggle.getAttribute('aria-checked'), SLOW).toBe('false');
  }, 120_000);
});
