import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let session: Session;
beforeAll(async () => {
  t = await testApp();
  session = await login(t.app, 'auditor');
});
afterAll(() => t.close());

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<string, { summary?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
}

describe('the API reference', () => {
  it('publishes an OpenAPI 3 document describing every route, request and answer included', async () => {
    const response = await as(t.app, session).get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const document = response.json() as OpenApi;
    expect(document.openapi).toMatch(/^3\./);
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of [
      '/api/auth/login',
      '/api/evaluations/{id}/transitions',
      '/api/payments',
      '/api/ledger/drill',
      '/api/ledger/import',
    ]) {
      expect(paths).toContain(path);
    }
    const score = document.paths['/api/evaluations/{id}/score']?.get;
    expect(score?.summary).toContain('得分');
    const schema = JSON.stringify(score?.responses?.['200']?.content?.['application/json']?.schema);
    for (const field of ['items', 'explanation', 'findings', 'totalExplanation']) expect(schema).toContain(`"${field}"`);
  });

  it('declares the answer of every JSON route, so a field the contract does not name cannot reach the web app', async () => {
    const document = (await as(t.app, session).get('/api/docs/json')).json() as OpenApi;
    // Files (workbooks, reports, attachments, the report style sheet) answer bytes, not JSON.
    const isFile = (path: string) => /\.(xlsx|docx|pdf|html|css|json)$/.test(path) || path === '/api/attachments/{id}';
    const undeclared = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs') && !isFile(path))
      .flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(
            ([, operation]) => !Object.values(operation.responses ?? {}).some((answer) => answer.content?.['application/json']?.schema),
          )
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
    expect(undeclared).toEqual([]);
  });

  it('is for signed-in users: the deployment’s surface is not advertised to anyone who asks', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
  });

  it('serves the browsable reference at /api/docs', async () => {
    const response = await as(t.app, session).get('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
