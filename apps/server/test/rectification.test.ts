import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations } from '../src/db/schema.ts';
import { createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { fiscalYearOf } from '../src/seed/demo-declarations.ts';
import { demoSessions } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
/** Holds 财政审核人 over the bureau and 填报人 over the SME centre: may issue and may answer, never both on one notice. */
let dual: Session;
let sme: string;
let otherUnit: string;
const year = fiscalYearOf(new Date());
const inDays = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  status: string;
  overdue: boolean;
  organisationId: string;
  sourceTitle: string;
}
interface TaskItem {
  rectificationId?: string;
  action: string;
  overdue: boolean;
}

const notice = (organisationId: string, sourceId: string, extra: Record<string, unknown> = {}) => ({
  organisationId,
  fiscalYear: year - 1,
  sourceKind: 'audit',
  sourceId,
  sourceTitle: `审计发现问题 ${sourceId}（测试）`,
  problem: '年末集中支付，预算执行不均衡',
  measures: ['制定分月用款计划', '说明年末支付原因'],
  deadline: inDays(30),
  ...extra,
});

const detail = async (session: Session, id: string) => {
  const response = await as(t.app, session).get(`/api/rectifications/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const tasks = async (session: Session): Promise<TaskItem[]> => (await as(t.app, session).get('/api/tasks')).json().items;

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const rows = await t.deps.db.select().from(organisations);
  const code = (value: string) => {
    const row = rows.find((entry) => entry.code === value);
    if (!row) throw new Error(`demo organisation ${value} missing`);
    return row.id;
  };
  sme = code('PY-KGSX-02');
  otherUnit = code('PY-KGSX-01');
  await createUser(
    t.deps.db,
    {
      username: 'rect.dual',
      displayName: '兼岗人员（测试）',
      organisationId: sme,
      password: DEMO_PASSWORD,
      roles: [
        { role: 'preparer', organisationId: sme },
        { role: 'finance-reviewer', organisationId: code('PY-CZJ') },
      ],
    },
    t.deps.config.PASSWORD_HASH_COST,
  );
  dual = await login(t.app, 'rect.dual');
}, 120_000);
afterAll(() => t?.close());

describe('整改: notice → feedback → re-opened → feedback → closed', () => {
  it('runs the whole flow with its history, to-dos, audit and the carry-over onto next year’s declaration', async () => {
    const issued = await as(t.app, s.finance).post('/api/rectifications', notice(sme, 'AUD-FLOW'));
    expect(issued.statusCode, issued.body).toBe(201);
    const { id } = issued.json();

    expect((await tasks(s.unitPreparer)).find((task) => task.rectificationId === id)).toMatchObject({
      action: 'rectification-feedback',
      overdue: false,
    });
    expect((await tasks(s.finance)).some((task) => task.rectificationId === id)).toBe(false);
    expect((await detail(s.unitPreparer, id)).permissions).toMatchObject({ feedback: true, close: false, reopen: false });

    // The declaration of the year after shows the open item.
    const declarations = (await as(t.app, s.unitPreparer).get(`/api/declarations?fiscalYear=${year}`)).json().items;
    const declaration = declarations.find((entry: { organisationId: string }) => entry.organisationId === sme);
    expect(declaration).toBeDefined();
    const carried = async () =>
      (await as(t.app, s.unitPreparer).get(`/api/declarations/${declaration.id}`))
        .json()
        .carriedRectifications.map((entry: { id: string }) => entry.id);
    expect(await carried()).toContain(id);

    const empty = await as(t.app, s.unitPreparer).post(`/api/rectifications/${id}/feedback`, { version: 1, text: ' ' });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().details[0].path).toBe('body.text');

    const answered = await as(t.app, s.unitPreparer).post(`/api/rectifications/${id}/feedback`, {
      version: 1,
      text: '已制定分月用款计划',
      evidence: [{ description: '分月用款计划', link: 'https://example.org/plan.pdf' }],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'feedback_submitted', version: 2 });
    expect((await tasks(s.finance)).find((task) => task.rectificationId === id)).toMatchObject({ action: 'rectification-verify' });
    expect((await tasks(s.unitPreparer)).some((task) => task.rectificationId === id)).toBe(false);

    const noOpinion = await as(t.app, s.finance).post(`/api/rectifications/${id}/verification`, { version: 2, decision: 'reopen' });
    expect(noOpinion.statusCode, noOpinion.body).toBe(400);
    expect(noOpinion.json().details[0].path).toBe('body.opinion');
    const stale = await as(t.app, s.finance).post(`/api/rectifications/${id}/verification`, {
      version: 1,
      decision: 'reopen',
      opinion: '佐证不足',
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const reopened = await as(t.app, s.finance).post(`/api/rectifications/${id}/verification`, {
      version: 2,
      decision: 'reopen',
      opinion: '佐证不足，请补充执行情况',
    });
    expect(reopened.json()).toMatchObject({ status: 'reopened', version: 3 });

    const again = await as(t.app, s.unitPreparer).post(`/api/rectifications/${id}/feedback`, { version: 3, text: '补充前三个月执行情况' });
    expect(again.statusCode, again.body).toBe(200);
    const closed = await as(t.app, s.finance).post(`/api/rectifications/${id}/verification`, {
      version: 4,
      decision: 'close',
      opinion: '整改到位，同意销号',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已销号', version: 5 });
    const after = await as(t.app, s.unitPreparer).post(`/api/rectifications/${id}/feedback`, { version: 5, text: '再补充' });
    expect(after.json().code).toBe('INVALID_TRANSITION');

    const shown = await detail(s.finance, id);
    expect(shown.steps.map((step: { action: string }) => step.action)).toEqual(['issue', 'feedback', 'reopen', 'feedback', 'close']);
    expect(shown.steps[1]).toMatchObject({
      actorName: '单位填报人（示例）',
      evidence: [{ description: '分月用款计划', link: 'https://example.org/plan.pdf' }],
    });
    expect(shown.steps[2]).toMatchObject({ actorName: '财政审核人（示例）', text: '佐证不足，请补充执行情况' });
    expect(shown.closedAt).not.toBeNull();
    expect(shown.permissions).toMatchObject({ feedback: false, close: false, reopen: false });
    expect(await carried()).not.toContain(id);

    const audit = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'rectification'), eq(auditLog.entityId, id)));
    expect(audit.map((entry) => entry.action).sort()).toEqual(
      ['create', 'rectification.close', 'rectification.feedback', 'rectification.feedback', 'rectification.reopen'].sort(),
    );
  });

  it('a closed item may be noticed again; a department reviewer notices its own units; a preparer may not issue', async () => {
    const first = await as(t.app, s.reviewer).post('/api/rectifications', notice(otherUnit, 'AUD-DEPT'));
    expect(first.statusCode, first.body).toBe(201);
    const byPreparer = await as(t.app, s.unitPreparer).post('/api/rectifications', notice(sme, 'AUD-PREP'));
    expect(byPreparer.statusCode, byPreparer.body).toBe(403);
    const past = await as(t.app, s.finance).post('/api/rectifications', notice(sme, 'AUD-PAST', { deadline: inDays(-3) }));
    expect(past.statusCode, past.body).toBe(400);
    expect(past.json().details[0].path).toBe('body.deadline');
  });
});

describe('one item cannot be noticed twice', () => {
  it('refuses a second open notice on the same source and unit, naming the first', async () => {
    const first = await as(t.app, s.finance).post('/api/rectifications', notice(sme, 'AUD-DUP'));
    expect(first.statusCode, first.body).toBe(201);
    const second = await as(t.app, s.reviewer).post('/api/rectifications', notice(sme, 'AUD-DUP', { problem: '另一种说法' }));
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(second.json().message).toContain('审计发现问题 AUD-DUP（测试）');
    // Another unit, or another source, is another item.
    expect((await as(t.app, s.finance).post('/api/rectifications', notice(otherUnit, 'AUD-DUP'))).statusCode).toBe(201);
    // The demo's open notice on the SME centre's FY2024 project evaluation.
    const demo = (await as(t.app, s.finance).get('/api/rectifications?fiscalYear=2024'))
      .json()
      .items.find((item: Item & { sourceKind: string }) => item.organisationId === sme && item.sourceKind === 'self-evaluation');
    const full = await detail(s.finance, demo.id);
    const again = await as(t.app, s.finance).post('/api/rectifications', {
      organisationId: sme,
      sourceKind: 'self-evaluation',
      sourceId: full.sourceId,
      problem: '重复',
      measures: ['重复'],
      deadline: inDays(10),
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().message).toContain(full.sourceTitle);
  });

  it('a self-evaluation source must be an evaluation of the unit noticed', async () => {
    const wrong = await as(t.app, s.finance).post('/api/rectifications', {
      organisationId: otherUnit,
      sourceKind: 'self-evaluation',
      sourceId: '00000000-0000-4000-8000-000000000000',
      problem: '问题',
      measures: ['措施'],
      deadline: inDays(10),
    });
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().details[0].path).toBe('body.sourceId');
  });
});

describe('segregation of duties', () => {
  it('the issuer may not answer; the answerer may not verify', async () => {
    const byDual = (await as(t.app, dual).post('/api/rectifications', notice(sme, 'AUD-SOD-1'))).json().id;
    const self = await as(t.app, dual).post(`/api/rectifications/${byDual}/feedback`, { version: 1, text: '自己答复' });
    expect(self.statusCode, self.body).toBe(403);
    expect(self.json().code).toBe('SEGREGATION_OF_DUTIES');
    expect((await detail(dual, byDual)).permissions).toMatchObject({ feedback: false, refusal: expect.stringContaining('不相容') });
    expect(
      (await as(t.app, s.unitPreparer).post(`/api/rectifications/${byDual}/feedback`, { version: 1, text: '已整改' })).statusCode,
    ).toBe(200);

    const byFinance = (await as(t.app, s.finance).post('/api/rectifications', notice(sme, 'AUD-SOD-2'))).json().id;
    expect((await as(t.app, dual).post(`/api/rectifications/${byFinance}/feedback`, { version: 1, text: '已整改' })).statusCode).toBe(200);
    const ownAnswer = await as(t.app, dual).post(`/api/rectifications/${byFinance}/verification`, {
      version: 2,
      decision: 'close',
      opinion: '同意',
    });
    expect(ownAnswer.statusCode, ownAnswer.body).toBe(403);
    expect(ownAnswer.json().code).toBe('SEGREGATION_OF_DUTIES');
    expect((await tasks(dual)).some((task) => task.rectificationId === byFinance)).toBe(false);
    const preparerVerifies = await as(t.app, s.unitPreparer).post(`/api/rectifications/${byFinance}/verification`, {
      version: 2,
      decision: 'close',
      opinion: '同意',
    });
    expect(preparerVerifies.statusCode).toBe(403);
    expect(
      (await as(t.app, s.finance).post(`/api/rectifications/${byFinance}/verification`, { version: 2, decision: 'close', opinion: '同意' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('scope', () => {
  it('a notice outside one’s units answers 404, for reads and writes alike, and stays out of lists', async () => {
    const id = (await as(t.app, s.finance).post('/api/rectifications', notice(otherUnit, 'AUD-SCOPE'))).json().id;
    expect((await as(t.app, s.unitPreparer).get(`/api/rectifications/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, s.unitPreparer).post(`/api/rectifications/${id}/feedback`, { version: 1, text: '越权' })).statusCode).toBe(404);
    expect((await as(t.app, s.unitPreparer).post('/api/rectifications', notice(otherUnit, 'AUD-X'))).statusCode).toBe(404);
    const mine: Item[] = (await as(t.app, s.unitPreparer).get('/api/rectifications')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((item) => item.organisationId === sme)).toBe(true);
    expect((await as(t.app, s.finance).get('/api/rectifications')).json().items.some((item: Item) => item.id === id)).toBe(true);
  });
});

describe('overdue', () => {
  it('the demo’s overdue item is flagged in the list and in the unit’s to-dos; the one awaiting verification is the bureau’s', async () => {
    const overdue: Item[] = (await as(t.app, s.unitPreparer).get('/api/rectifications?overdue=true')).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ status: 'issued', organisationId: sme });
    expect((await tasks(s.unitPreparer)).find((task) => task.rectificationId === overdue[0]?.id)).toMatchObject({
      action: 'rectification-feedback',
      overdue: true,
    });
    const demo: Item[] = (await as(t.app, s.finance).get('/api/rectifications?fiscalYear=2024')).json().items;
    expect(demo.map((item) => item.status).sort()).toEqual(['closed', 'feedback_submitted', 'issued']);
    const waiting = demo.find((item) => item.status === 'feedback_submitted');
    expect((await tasks(s.finance)).find((task) => task.rectificationId === waiting?.id)).toMatchObject({
      action: 'rectification-verify',
      overdue: false,
    });
    expect(demo.find((item) => item.status === 'closed')?.overdue).toBe(false);
  });
});
