import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'Jixiao@2025demo';

/**
 * Debian's Chromium through playwright-core: a persistent context with a fresh profile (launch()
 * refuses --user-data-dir), background networking off on a closed network.
 */
export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const baseUrl = () => inject('baseUrl');

/** Keeps a screenshot of the page as a test artefact (e2e/artifacts/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Pages load their code on first visit: wait until requests settle and no spinner is left.
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.screenshot({ path: join(inject('artifactsDir'), `${name}.png`), fullPage: true });
}

/** Signs in through the login page, as a user would. */
/** Signs in over the API (not the page), for the set-up the screens do not own: answers status and JSON. */
export async function apiAs(username: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown) => send('POST', path, body),
    put: (path: string, body: unknown) => send('PUT', path, body),
  };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page): Promise<void> {
  await page.context().clearCookies();
}

/**
 * Chooses an option of an antd Select and waits until the select shows it. A click that lands while the
 * list is still opening or closing can miss: the choice is checked and tried again, never assumed.
 */
export async function chooseOption(page: Page, selectTestId: string, title: string): Promise<void> {
  const select = page.getByTestId(selectTestId);
  await select.waitFor();
  // Already chosen (a default the form proposes): opening the list again would only race its closing.
  if ((await select.locator(`[title="${title}"]`).count()) > 0) return;
  for (let attempt = 1; ; attempt++) {
    // The list of the previous select may still be closing: two open lists would offer the same option twice.
    const open = page.locator('.ant-select-dropdown:visible');
    for (let waited = 0; waited < 5_000 && (await open.count()) > 0; waited += 100) await page.waitForTimeout(100);
    await select.click();
    const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
    await option.waitFor();
    await option.click();
    try {
      await select.locator(`[title="${title}"]`).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
