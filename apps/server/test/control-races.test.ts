import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
import { contracts, subsidyGrants, subsidyRecipients } from '../src/db/schema.ts';
import { controlPeople, ensureLine, type People, SUPPLIER_USCC } from './control-contracts-fixtures.ts';
import { as, DATABASE_KIND, type Session, type TestApp, testApp } from './harness.ts';

/**
 * Every step that reserves a budget line's money, raced on PostgreSQL through separate connections
 * (one instance with a pool as large as the race, then two instances on one database, as behind a
 * load balancer): the line lock (control/line-lock.ts) must let exactly as many through as fit.
 * PGlite has one connection, so races there serialise by construction and prove nothing.
 */
const RACE_TIMEOUT = 120_000;
const RACERS = 20;

describe.runIf(DATABASE_KIND === 'postgres')('racing for one budget line on PostgreSQL', () => {
  let seeded: TestApp;
  let single: TestApp;
  let pair: [TestApp, TestApp];
  let p: People;
  let lineCounter = 0;

  const instance = async (poolSize: number) => {
    const url = seeded.database.url;
    if (!url) throw new Error('postgres url missing');
    return testApp({ seed: false, database: await connect({ kind: 'postgres', url, poolSize }) });
  };

  beforeAll(async () => {
    seeded = await testApp();
    p = await controlPeople(seeded);
    single = await instance(RACERS);
    pair = [await instance(RACERS / 2), await instance(RACERS / 2)];
  }, RACE_TIMEOUT);
  afterAll(async () => {
    for (const app of [single, ...(pair ?? [])]) {
      await app?.close();
      await app?.database.close();
    }
    await seeded?.close();
  });

  /** A fresh 项目支出 line of 1,000.00 yuan. */
  const freshLine = () => {
    lineCounter += 1;
    return ensureLine(seeded, {
      organisationId: p.departmentId,
      code: `RACE-${lineCounter}`,
      name: `并发测试指标${lineCounter}`,
      spendingType: 'project',
      initialFen: 1_000_00,
    });
  };

  const sign = (app: TestApp, lineId: string, index: number) =>
    as(app.app, p.approver).post('/api/contracts', {
      organisationId: p.departmentId,
      budgetLineId: lineId,
      code: `RACE-${lineId.slice(0, 8)}-${index}`,
      title: '并发签订测试合同',
      counterpartyName: '广州示例供应商有限公司',
      counterpartyUscc: SUPPLIER_USCC,
      amount: '100.00',
      signedOn: '2024-04-01',
      milestones: [{ description: '一次性交付', amount: '100.00', dueOn: '2024-06-30' }],
    });

  /** Sends `count` requests at once, spread over the instances in turn. */
  const race = (apps: readonly TestApp[], count: number, send: (app: TestApp, index: number) => Promise<LightMyRequestResponse>) =>
    Promise.all(Array.from({ length: count }, (_, index) => send(apps[index % apps.length] as TestApp, index)));

  const codesOf = (response: LightMyRequestResponse) =>
    ((response.json() as { details?: { code?: string }[] }).details ?? []).map((detail) => detail.code);

  /** Exactly `fit` succeeded (201); every other one was refused for the balance, nothing else. */
  const expectExactly = (results: readonly LightMyRequestResponse[], fit: number) => {
    const refused = results.filter((response) => response.statusCode !== 201);
    expect(
      refused
        .filter((response) => response.statusCode !== 422 || !codesOf(response).includes('IC_BALANCE_INSUFFICIENT'))
        .map((r) => r.body),
    ).toEqual([]);
    expect(results.length - refused.length).toBe(fit);
  };

  const position = async (lineId: string) =>
    (await as(seeded.app, p.accountant).get(`/api/budget-lines/${lineId}`)).json() as {
      budget: string;
      committed: string;
      available: string;
    };

  it.each([
    ['one instance, twenty connections', () => [single]],
    ['two instances on one database', () => pair],
  ])(
    '20 contract signings of 100.00 on a 1,000.00 line: exactly 10 signed (%s)',
    async (_, apps) => {
      const line = await freshLine();
      expectExactly(await race(apps(), RACERS, (app, index) => sign(app, line, index)), 10);
      const signed = await seeded.deps.db.select().from(contracts).where(eq(contracts.budgetLineId, line));
      expect(signed).toHaveLength(10);
      expect(await position(line)).toMatchObject({ committed: '1000.00', available: '0.00' });
    },
    RACE_TIMEOUT,
  );

  it.each([
    ['one instance, twenty connections', () => [single]],
    ['two instances on one database', () => pair],
  ])(
    '20 subsidy grants of 100.00 on a 1,000.00 line: exactly 10 approved (%s)',
    async (_, apps) => {
      const line = await freshLine();
      const [recipient] = await seeded.deps.db.select({ id: subsidyRecipients.id }).from(subsidyRecipients).limit(1);
      if (!recipient) throw new Error('the demo has no subsidy recipient');
      expectExactly(
        await race(apps(), RACERS, (app) =>
          as(app.app, p.requester).post('/api/subsidies/grants', {
            organisationId: p.departmentId,
            recipientId: recipient.id,
            budgetLineId: line,
            programme: '并发测试补贴',
            amount: '100.00',
            awardedOn: '2024-03-01',
            dueOn: '2024-06-30',
          }),
        ),
        10,
      );
      expect(await seeded.deps.db.select().from(subsidyGrants).where(eq(subsidyGrants.budgetLineId, line))).toHaveLength(10);
      expect(await position(line)).toMatchObject({ committed: '1000.00', available: '0.00' });
    },
    RACE_TIMEOUT,
  );

  it.each([
    ['one instance, twenty connections', () => [single]],
    ['two instances on one database', () => pair],
  ])(
    'a cut of 500.00 racing ten signings of 100.00: never below what is committed (%s)',
    async (_, apps) => {
      const line = await freshLine();
      const cut = await as(seeded.app, p.accountant).post(`/api/budget-lines/${line}/adjustments`, {
        amount: '-500.00',
        reason: '压减一般性支出',
      });
      expect(cut.statusCode, cut.body).toBe(201);
      const decide = (app: TestApp, session: Session) =>
        as(app.app, session).post(`/api/budget-adjustments/${cut.json().id}/decision`, { approve: true });
      const results = await race(apps(), 11, (app, index) => (index === 5 ? decide(app, p.approver) : sign(app, line, index)));
      const decision = results[5] as LightMyRequestResponse;
      const signings = results.filter((_, index) => index !== 5);
      const signed = signings.filter((response) => response.statusCode === 201).length;
      if (decision.statusCode === 200) {
        // The cut went first (or between): the line is then 500.00 and no more than five fit.
        expectExactly(signings, 5);
        expect(await position(line)).toMatchObject({ budget: '500.00', committed: '500.00', available: '0.00' });
      } else {
        // Signings had taken more than 500.00 when the cut was decided: it is refused and all ten fit.
        expect(codesOf(decision), decision.body).toEqual(['IC_ADJUSTMENT_BELOW_SPENT']);
        expect(signed).toBe(10);
        expect(await position(line)).toMatchObject({ budget: '1000.00', committed: '1000.00', available: '0.00' });
      }
    },
    RACE_TIMEOUT,
  );

  it.each([
    ['one instance, twenty connections', () => [single]],
    ['two instances on one database', () => pair],
  ])(
    'a 终止 approval racing payment requests on the contract: one side wins, never both (%s)',
    async (_, apps) => {
      const line = await freshLine();
      const signed = await sign(seeded, line, 99);
      expect(signed.statusCode, signed.body).toBe(201);
      const id = signed.json().id as string;
      const contract = (await as(seeded.app, p.requester).get(`/api/contracts/${id}`)).json();
      const milestone = contract.milestones[0];
      const accepted = await as(seeded.app, p.requester).post(`/api/contracts/${id}/milestones/${milestone.id}/accept`, {
        version: milestone.version,
        note: '验收合格',
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const requested = await as(seeded.app, p.requester).post(`/api/contracts/${id}/closures`, {
        version: accepted.json().contract.version,
        kind: 'terminated',
        reason: '并发测试',
      });
      expect(requested.statusCode, requested.body).toBe(201);
      const pending = requested.json();
      const results = await race(apps(), 6, (app, index) =>
        index === 0
          ? as(app.app, p.approver).post(`/api/contracts/${id}/closures/${pending.closures[0].id}/decision`, {
              version: pending.version,
              approve: true,
            })
          : as(app.app, p.requester).post('/api/payments', {
              budgetLineId: line,
              contractId: id,
              milestoneId: milestone.id,
              amount: '20.00',
              payeeName: '广州示例供应商有限公司',
              payeeUscc: SUPPLIER_USCC,
              purpose: '并发测试',
              expenseType: 'project',
            }),
      );
      const [decision, ...payments] = results as [LightMyRequestResponse, ...LightMyRequestResponse[]];
      const made = payments.filter((response) => response.statusCode === 201).length;
      if (decision.statusCode === 200) {
        // Closed first: every request after it is refused, and nothing is held on the line.
        expect(made).toBe(0);
        expect(payments.every((response) => codesOf(response).includes('IC_CONTRACT_CLOSED'))).toBe(true);
        expect(await position(line)).toMatchObject({ committed: '0.00', available: '1000.00' });
      } else {
        // A request got in first: the closure is refused while it is in progress.
        expect(decision.statusCode, decision.body).toBe(409);
        expect(made).toBeGreaterThan(0);
        expect(payments.filter((response) => response.statusCode !== 201).every((r) => codesOf(r).includes('IC_CONTRACT_CLOSED'))).toBe(
          true,
        );
        expect(await position(line)).toMatchObject({ committed: '100.00' });
      }
    },
    RACE_TIMEOUT,
  );
});
