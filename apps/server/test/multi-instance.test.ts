import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
import { demoEvaluations, detail } from './fixtures.ts';
import { as, DATABASE_KIND, login, multipart, type TestApp, testApp } from './harness.ts';

/**
 * Two application instances against one PostgreSQL, as behind a load balancer: sessions and files
 * live in the database, so what one instance accepted the other serves.
 */
describe.runIf(DATABASE_KIND === 'postgres')('two app instances on one PostgreSQL', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await testApp();
    const url = first.database.url;
    if (!url) throw new Error('postgres url missing');
    const shared = await connect({ kind: 'postgres', url, poolSize: 5 });
    second = await testApp({ seed: false, database: shared });
  });
  afterAll(async () => {
    await second?.close();
    await second?.database.close();
    await first?.close();
  });

  it('accepts on one instance a session made on the other', async () => {
    const session = await login(first.app, 'preparer');
    const me = await as(second.app, session).get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('preparer');
  });

  it('downloads through one instance a file uploaded through the other', async () => {
    const session = await login(first.app, 'preparer');
    const { department } = await demoEvaluations(first.app, session);
    const bytes = Buffer.from('%PDF-1.4\n% jixiao multi-instance test\n%%EOF');
    const body = multipart('佐证.pdf', bytes);
    const uploaded = await as(first.app, session).post(`/api/evaluations/${department?.id}/attachments`, body.payload, body.headers);
    expect(uploaded.statusCode).toBe(201);
    const downloaded = await as(second.app, session).get(`/api/attachments/${uploaded.json().id}`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(bytes)).toBe(true);
    expect((await detail(second.app, session, department?.id ?? '')).attachments).toHaveLength(1);
  });
});
