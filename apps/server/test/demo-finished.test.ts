import type { EvaluationDetail } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../src/main.ts';
import { demoSessions } from './fixtures.ts';
import { as, login, type TestApp, testApp, testDatabase } from './harness.ts';

/**
 * The demo as `npm start` loads it, on a day long after the reference year (2026-12-03): FY2024 reads as a
 * finished year — both self-evaluations published with their 2025 dates, nothing of it overdue in anyone's
 * to-dos — while the year in progress keeps its live work.
 */
const TODAY = new Date('2026-12-03T02:00:00Z');

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;

beforeAll(async () => {
  const database = await testDatabase();
  t = await testApp({ seed: false, database, clock: () => TODAY });
  await firstStart(t.deps, database.kind, () => undefined);
  s = await demoSessions(t.app);
}, 180_000);
afterAll(async () => {
  await t.close();
  await t.database.close();
});

interface Listed {
  id: string;
  fiscalYear: number;
  status: string;
  total: string | null;
}

describe('the demo on a day after the reference year', () => {
  it('holds FY2024 published, with the reference score, through every step of the workflow', async () => {
    const items = (await as(t.app, s.preparer).get('/api/evaluations?fiscalYear=2024')).json().items as Listed[];
    const reference = items.filter((item) => item.fiscalYear === 2024);
    expect(reference.length).toBe(2);
    expect(reference.map((item) => item.status)).toEqual(['published', 'published']);
    const detail = (await as(t.app, s.finance).get(`/api/evaluations/${reference[0]?.id}`)).json() as EvaluationDetail;
    expect(detail.transitions.map((step) => `${step.action}@${step.at.slice(0, 10)}`)).toEqual([
      'submit@2025-06-12',
      'approve@2025-06-18',
      'approve@2025-07-08',
      'publish@2025-07-25',
    ]);
  });

  it('shows the published report on the public site, dated 2025', async () => {
    const page = await t.app.inject({ url: '/public/PY-KGSX/2024' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('99.52');
    expect(page.body).toContain('公开于 2025-07-25');
  });

  it('leaves nothing of the reference years overdue in anyone’s to-dos (self-evaluations, subsidy checks)', async () => {
    const posts = await Promise.all(['requester', 'accountant', 'approver', 'cashier', 'asset.manager'].map((name) => login(t.app, name)));
    for (const session of [s.preparer, s.unitPreparer, s.head, s.reviewer, s.finance, s.auditor, ...posts]) {
      const tasks = (await as(t.app, session).get('/api/tasks')).json().items as { action: string; deadline: string | null }[];
      expect(tasks.filter((task) => task.action === 'fill')).toEqual([]);
      expect(tasks.filter((task) => task.deadline !== null && task.deadline < '2026-01-01')).toEqual([]);
    }
  });
});
