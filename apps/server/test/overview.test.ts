import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
});
afterAll(async () => t.close());

describe('overview', () => {
  it('explore', async () => {
    const response = await as(t.app, s.finance).get('/api/overview?fiscalYear=2024');
    console.log(JSON.stringify(response.json(), null, 1));
    expect(response.statusCode).toBe(200);
  });
});
