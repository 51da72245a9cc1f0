import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/** The search box of the paged lists (issue 15): matched in the query, literally, with the department filter. */
let t: TestApp;
let accountant: Session;
let finance: Session;
beforeAll(async () => {
  t = await testApp();
  [accountant, finance] = await Promise.all([login(t.app, 'accountant'), login(t.app, 'finance')]);
}, 120_000);
afterAll(() => t?.close());

interface PaymentItem {
  id: string;
  payeeName: string;
  purpose: string;
  organisationId: string;
}

describe('GET /api/payments?q=', () => {
  it('finds payments by part of the payee, counting only what matched, in the total as on the page', async () => {
    const all = (await as(t.app, accountant).get('/api/payments?limit=500')).json();
    expect(all.total).toBeGreaterThan(1);
    const found = await as(t.app, accountant).get(`/api/payments?q=${encodeURIComponent('某充电科技')}&limit=1`);
    expect(found.statusCode, found.body).toBe(200);
    const page = found.json();
    const expected = (all.items as PaymentItem[]).filter((item) => item.payeeName.includes('某充电科技'));
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].payeeName).toContain('某充电科技');
  });

  it('searches the purpose too, combines with the department filter, and takes % literally', async () => {
    const all: PaymentItem[] = (await as(t.app, finance).get('/api/payments?limit=500')).json().items;
    const sample = all[0];
    if (!sample) throw new Error('demo has no payments');
    const word = sample.purpose.slice(0, 4);
    const byPurpose: PaymentItem[] = (await as(t.app, finance).get(`/api/payments?q=${encodeURIComponent(word)}&limit=500`)).json().items;
    expect(byPurpose.map((item) => item.id)).toContain(sample.id);
    const inDepartment: PaymentItem[] = (
      await as(t.app, finance).get(`/api/payments?q=${encodeURIComponent(word)}&organisationId=${sample.organisationId}&limit=500`)
    ).json().items;
    expect(inDepartment.length).toBeGreaterThan(0);
    expect(inDepartment.every((item) => item.organisationId === sample.organisationId)).toBe(true);
    // A typed % is a character: only records that have one (a "30%进度款") are found, never every record,
    // and "%某充电%科技%" is no wildcard for 广州某充电科技.
    const percent: PaymentItem[] = (await as(t.app, finance).get(`/api/payments?q=${encodeURIComponent('%')}&limit=500`)).json().items;
    expect(percent.length).toBeLessThan(all.length);
    expect((await as(t.app, finance).get(`/api/payments?q=${encodeURIComponent('%某充电%科技%')}`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('refuses an empty or overlong search, naming the field in Chinese', async () => {
    for (const q of ['%20', 'x'.repeat(101)]) {
      const response = await as(t.app, accountant).get(`/api/payments?q=${q}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/q/);
      expect(response.json().message).toMatch(/搜索内容/);
    }
  });
});

describe('GET /api/procurements?q=', () => {
  it('finds procurements by part of the title or the code, and nothing for a name no record has', async () => {
    const all: { id: string; title: string; code: string }[] = (await as(t.app, accountant).get('/api/procurements')).json().items;
    const sample = all[0];
    if (!sample) throw new Error('demo has no procurements');
    const byTitle = (await as(t.app, accountant).get(`/api/procurements?q=${encodeURIComponent(sample.title.slice(1, 5))}`)).json().items;
    expect(byTitle.map((item: { id: string }) => item.id)).toContain(sample.id);
    expect(byTitle.every((item: { title: string }) => all.some((one) => one.title === item.title))).toBe(true);
    const byCode = (await as(t.app, accountant).get(`/api/procurements?q=${encodeURIComponent(sample.code.toLowerCase())}`)).json().items;
    expect(byCode.map((item: { id: string }) => item.id)).toContain(sample.id);
    expect((await as(t.app, accountant).get(`/api/procurements?q=${encodeURIComponent('没有这样的采购_')}`)).json().items).toEqual([]);
  });
});

describe('GET /api/evaluations?q=', () => {
  it('finds evaluations by part of the project name or the unit, within the reader’s scope', async () => {
    const all: { id: string; projectName: string | null; projectCode: string | null; organisationName: string }[] = (
      await as(t.app, finance).get('/api/evaluations')
    ).json().items;
    const project = all.find((item) => item.projectName);
    if (!project?.projectName) throw new Error('demo has no project evaluation');
    const word = project.projectName.slice(0, 4);
    const found: typeof all = (await as(t.app, finance).get(`/api/evaluations?q=${encodeURIComponent(word)}`)).json().items;
    expect(found.map((item) => item.id)).toContain(project.id);
    expect(found.every((item) => `${item.projectName ?? ''} ${item.projectCode ?? ''} ${item.organisationName}`.includes(word))).toBe(true);
    expect(found.length).toBeLessThanOrEqual(all.length);
    const byUnit: typeof all = (await as(t.app, finance).get(`/api/evaluations?q=${encodeURIComponent(project.organisationName)}`)).json()
      .items;
    expect(byUnit.map((item) => item.id)).toContain(project.id);
    expect((await as(t.app, finance).get(`/api/evaluations?q=${encodeURIComponent('_')}`)).json().items).toEqual([]);
  });
});

describe('GET /api/contracts?q=', () => {
  it('finds contracts by part of the counterparty or the number', async () => {
    const all: { id: string; code: string; counterpartyName: string }[] = (await as(t.app, accountant).get('/api/contracts')).json().items;
    const sample = all[0];
    if (!sample) throw new Error('demo has no contracts');
    const word = sample.counterpartyName.slice(0, 4);
    const found: typeof all = (await as(t.app, accountant).get(`/api/contracts?q=${encodeURIComponent(word)}`)).json().items;
    expect(found.map((item) => item.id)).toContain(sample.id);
    expect(
      (await as(t.app, accountant).get(`/api/contracts?q=${encodeURIComponent(sample.code)}`))
        .json()
        .items.map((item: { id: string }) => item.id),
    ).toEqual([sample.id]);
  });
});

/** Everything a list shows that the search is meant to look in, joined, so a hit can be checked against it. */
const haystack = (...parts: (string | null | undefined)[]) => parts.map((part) => part ?? '').join(' ');

describe('GET /api/declarations?q=&organisationId=', () => {
  interface Declaration {
    id: string;
    projectName: string | null;
    projectCode: string | null;
    organisationId: string;
    organisationName: string;
  }
  it('finds declarations by part of the project name or code or the unit, within one department when asked', async () => {
    const all: Declaration[] = (await as(t.app, finance).get('/api/declarations')).json().items;
    const sample = all.find((item) => item.projectName);
    if (!sample?.projectName) throw new Error('demo has no project declaration');
    const word = sample.projectName.slice(1, 4);
    const found: Declaration[] = (await as(t.app, finance).get(`/api/declarations?q=${encodeURIComponent(word)}`)).json().items;
    expect(found.map((item) => item.id)).toContain(sample.id);
    expect(found.every((item) => haystack(item.projectName, item.projectCode, item.organisationName).includes(word))).toBe(true);
    const inDepartment: Declaration[] = (await as(t.app, finance).get(`/api/declarations?organisationId=${sample.organisationId}`)).json()
      .items;
    expect(inDepartment.map((item) => item.id)).toContain(sample.id);
    expect(inDepartment.every((item) => item.organisationId === sample.organisationId)).toBe(true);
    expect((await as(t.app, finance).get(`/api/declarations?q=${encodeURIComponent('%')}`)).json().items).toEqual([]);
  });
});

describe('GET /api/rectifications?q=', () => {
  interface Rectification {
    id: string;
    problem: string;
    sourceTitle: string;
    ownerName: string | null;
    organisationName: string;
  }
  it('finds notices by part of the problem or the source, and nothing for a literal _', async () => {
    const all: Rectification[] = (await as(t.app, finance).get('/api/rectifications')).json().items;
    const sample = all[0];
    if (!sample) throw new Error('demo has no rectification');
    const word = sample.problem.slice(0, 4);
    const found: Rectification[] = (await as(t.app, finance).get(`/api/rectifications?q=${encodeURIComponent(word)}`)).json().items;
    expect(found.map((item) => item.id)).toContain(sample.id);
    expect(found.every((item) => haystack(item.problem, item.sourceTitle, item.ownerName, item.organisationName).includes(word))).toBe(
      true,
    );
    const bySource: Rectification[] = (
      await as(t.app, finance).get(`/api/rectifications?q=${encodeURIComponent(sample.sourceTitle.slice(0, 6))}`)
    ).json().items;
    expect(bySource.map((item) => item.id)).toContain(sample.id);
    expect((await as(t.app, finance).get(`/api/rectifications?q=${encodeURIComponent('_')}`)).json().items).toEqual([]);
  });
});

describe('GET /api/assets?q=', () => {
  interface Asset {
    id: string;
    code: string;
    name: string;
    category: string;
    location: string;
    custodianName: string;
  }
  it('finds asset cards by part of the name or the code', async () => {
    const all: Asset[] = (await as(t.app, accountant).get('/api/assets')).json().items;
    const sample = all[0];
    if (!sample) throw new Error('demo has no asset cards');
    const word = sample.name.slice(0, 3);
    const found: Asset[] = (await as(t.app, accountant).get(`/api/assets?q=${encodeURIComponent(word)}`)).json().items;
    expect(found.map((item) => item.id)).toContain(sample.id);
    expect(found.every((item) => haystack(item.code, item.name, item.category, item.location, item.custodianName).includes(word))).toBe(
      true,
    );
    const byCode: Asset[] = (await as(t.app, accountant).get(`/api/assets?q=${encodeURIComponent(sample.code.toLowerCase())}`)).json()
      .items;
    expect(byCode.map((item) => item.id)).toEqual([sample.id]);
  });
});

describe('GET /api/subsidies/grants?q=', () => {
  interface Grant {
    id: string;
    recipientName: string;
    recipientUscc: string;
    programme: string;
  }
  it('finds grants by part of the recipient or its 统一社会信用代码', async () => {
    const all: Grant[] = (await as(t.app, accountant).get('/api/subsidies/grants')).json().items;
    const sample = all[0];
    if (!sample) throw new Error('demo has no subsidy grants');
    const word = sample.recipientName.slice(2, 6);
    const found: Grant[] = (await as(t.app, accountant).get(`/api/subsidies/grants?q=${encodeURIComponent(word)}`)).json().items;
    expect(found.map((item) => item.id)).toContain(sample.id);
    expect(found.length).toBeLessThanOrEqual(all.length);
    const byUscc: Grant[] = (await as(t.app, accountant).get(`/api/subsidies/grants?q=${encodeURIComponent(sample.recipientUscc)}`)).json()
      .items;
    expect(byUscc.length).toBeGreaterThan(0);
    expect(byUscc.every((item) => item.recipientUscc === sample.recipientUscc)).toBe(true);
    expect((await as(t.app, accountant).get(`/api/subsidies/grants?q=${encodeURIComponent('没有这样的企业%')}`)).json().items).toEqual([]);
  });
});

describe('GET /api/evaluations?organisationId=', () => {
  it('keeps to one department for a reader of several, and combines with the search', async () => {
    const all: { id: string; organisationId: string; organisationName: string }[] = (
      await as(t.app, finance).get('/api/evaluations')
    ).json().items;
    const units = new Set(all.map((item) => item.organisationId));
    expect(units.size).toBeGreaterThan(1);
    const sample = all[0];
    if (!sample) throw new Error('demo has no evaluations');
    const inDepartment: typeof all = (await as(t.app, finance).get(`/api/evaluations?organisationId=${sample.organisationId}`)).json()
      .items;
    expect(inDepartment.map((item) => item.id)).toContain(sample.id);
    expect(inDepartment.every((item) => item.organisationId === sample.organisationId)).toBe(true);
    expect(inDepartment.length).toBeLessThan(all.length);
    const other = all.find((item) => item.organisationId !== sample.organisationId);
    if (!other) throw new Error('demo has one unit only');
    const crossed = await as(t.app, finance).get(
      `/api/evaluations?organisationId=${sample.organisationId}&q=${encodeURIComponent(other.organisationName)}`,
    );
    expect(crossed.json().items.every((item: { organisationId: string }) => item.organisationId === sample.organisationId)).toBe(true);
  });
});
