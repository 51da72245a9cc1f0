import { monitoring } from '@jixiao/core';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, monitoringRuleSets, organisations, userRoles, users } from '../src/db/schema.ts';
import { activeRuleSet } from '../src/monitoring/rules/rules.service.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/** 监控预警规则表: versioned per region and year, saved by a finance-bureau administrator, audited. */

const NOW = new Date('2026-12-02T08:00:00Z');
let t: TestApp;
let s: Record<'admin' | 'finance' | 'head' | 'unitPreparer', Session>;

const URL = '/api/monitoring/rule-sets';
const { region: _region, year: _year, version: _version, ...DEFAULT_RULES } = monitoring.DEFAULT_RULE_SETS.ratio;
const save = (overrides: Record<string, unknown> = {}, session = s.admin) =>
  as(t.app, session).put(URL, { ...DEFAULT_RULES, region: '440113', year: 2026, expectedVersion: 0, ...overrides });

beforeAll(async () => {
  t = await testApp({ clock: () => NOW });
  const [admin, finance, head, unitPreparer] = await Promise.all(
    ['admin', 'finance', 'head', 'unit.preparer'].map((name) => login(t.app, name)),
  );
  if (!admin || !finance || !head || !unitPreparer) throw new Error('demo sessions missing');
  s = { admin, finance, head, unitPreparer };
}, 60_000);
afterAll(() => t.close());

describe('the rule table', () => {
  it('answers the built-in default before anything is saved, for the forms and the API alike', async () => {
    expect(await activeRuleSet(t.deps.db, '440113', 2026)).toEqual(monitoring.defaultRuleSet('ratio', '440113', 2026));
    const response = await as(t.app, s.unitPreparer).get(`${URL}?year=2026&region=440113`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      active: { region: '440113', year: 2026, version: 0, preset: 'ratio', budgetBands: { red: '0.6', green: '0.8' } },
      versions: [],
      defaults: { milestones: { preset: 'milestones', milestones: [{ month: 4, share: '0.25' }, {}, {}, { month: 10, share: '0.8' }] } },
      permissions: { edit: false },
    });
  });

  it('refuses a save by anyone but a finance-bureau administrator, and writes nothing', async () => {
    for (const session of [s.finance, s.head, s.unitPreparer]) {
      const response = await save({}, session);
      expect(response.statusCode, response.body).toBe(403);
    }
    // An administrator's grant on a department is not the finance bureau's.
    const [head] = await t.deps.db.select().from(users).where(eq(users.username, 'head'));
    const [department] = await t.deps.db.select().from(organisations).where(eq(organisations.kind, 'department')).limit(1);
    if (!head || !department) throw new Error('demo data missing');
    await t.deps.db.insert(userRoles).values({ userId: head.id, role: 'admin', organisationId: department.id });
    const departmentAdmin = await login(t.app, 'head');
    expect((await save({}, departmentAdmin)).json().message).toBe('只有财政局的系统管理员可以修改监控预警规则表');
    await t.deps.db.delete(userRoles).where(and(eq(userRoles.role, 'admin'), eq(userRoles.userId, head.id)));
    expect(await t.deps.db.select().from(monitoringRuleSets)).toEqual([]);
  });

  it('saves versions one after another, each audited, and the forms apply the latest', async () => {
    const first = await save({ preset: 'milestones', milestoneMargin: '0.1' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ region: '440113', year: 2026, version: 1, preset: 'milestones', milestoneMargin: '0.1' });
    const second = await save({ expectedVersion: 1, budgetBands: { red: '0.5', green: '0.75' } });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().version).toBe(2);

    expect(await activeRuleSet(t.deps.db, '440113', 2026)).toMatchObject({
      version: 2,
      preset: 'ratio',
      budgetBands: { red: '0.5', green: '0.75' },
    });
    // Another region and another year keep their defaults.
    expect((await activeRuleSet(t.deps.db, '440100', 2026)).version).toBe(0);
    expect((await activeRuleSet(t.deps.db, '440113', 2027)).version).toBe(0);

    const listed = (await as(t.app, s.admin).get(`${URL}?year=2026&region=440113`)).json();
    expect(listed.active.version).toBe(2);
    expect(
      listed.versions.map((entry: { rules: { version: number }; savedBy: string; savedAt: string }) => [
        entry.rules.version,
        entry.savedBy,
        entry.savedAt,
      ]),
    ).toEqual([
      [2, '系统管理员', NOW.toISOString()],
      [1, '系统管理员', NOW.toISOString()],
    ]);
    expect(listed.permissions.edit).toBe(true);

    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'monitoring-rule-set')).orderBy(asc(auditLog.seq));
    expect(
      audit.map((entry) => [
        entry.action,
        (entry.after as { version: number }).version,
        (entry.before as { version: number } | null)?.version,
      ]),
    ).toEqual([
      ['create', 1, undefined],
      ['create', 2, 1],
    ]);
  });

  it('refuses a save from a stale version', async () => {
    const stale = await save({ expectedVersion: 1 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await activeRuleSet(t.deps.db, '440113', 2026)).version).toBe(2);
  });

  it('lets one of two simultaneous saves from the same version through', async () => {
    const [a, b] = await Promise.all([save({ region: 'race', expectedVersion: 0 }), save({ region: 'race', expectedVersion: 0 })]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    expect(await t.deps.db.select().from(monitoringRuleSets).where(eq(monitoringRuleSets.region, 'race'))).toHaveLength(1);
  });

  it('refuses rules the core does not accept, naming the field and the value in Chinese', async () => {
    const response = await save({ expectedVersion: 2, indicatorBands: { red: '0.8', green: '0.6', blue: '1.2' } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().details).toEqual([
      {
        path: 'body.indicatorBands.green',
        message: '规则表字段 indicatorBands.green（指标绿灯线）的值 “0.6” 应大于 indicatorBands.red 的值 “0.8”',
      },
    ]);
    const shape = await save({ expectedVersion: 2, rush: { decemberShare: '30%', fromMonth: 6 } });
    expect(shape.statusCode, shape.body).toBe(400);
    expect((await activeRuleSet(t.deps.db, '440113', 2026)).version).toBe(2);
  });
});
