import { isInternalAuditField } from '@jixiao/contract';
import { getTableColumns, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFieldEn } from '../../web/src/i18n/audit-fields.en.ts';
import { auditFieldZh } from '../../web/src/i18n/audit-fields.zh.ts';
import * as schema from '../src/db/schema.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/** Every field a record can carry into the audit log: the columns of every table. */
function columnKeys(): string[] {
  const keys = new Set<string>();
  for (const table of Object.values(schema)) if (is(table, PgTable)) for (const key of Object.keys(getTableColumns(table))) keys.add(key);
  return [...keys].sort();
}

describe('the audit page labels every field a record can have', () => {
  it('in Chinese and in English (ids, hashes and counters are left out of the readable view)', () => {
    const readable = columnKeys().filter((key) => !isInternalAuditField(key));
    const zh = new Set(Object.keys(auditFieldZh));
    const en = new Set(Object.keys(auditFieldEn));
    expect(readable.filter((key) => !zh.has(`auditField.${key}`))).toEqual([]);
    expect(readable.filter((key) => !en.has(`auditField.${key}`))).toEqual([]);
    expect(isInternalAuditField('passwordHash')).toBe(true);
    expect(isInternalAuditField('approvedBy')).toBe(true);
    expect(isInternalAuditField('payeeName')).toBe(false);
  });
});

describe('GET /api/audit reads like a record', () => {
  let t: TestApp;
  let admin: Session;
  let requester: Session;
  let accountant: Session;
  let paymentId: string;

  beforeAll(async () => {
    t = await testApp();
    [admin, requester, accountant] = await Promise.all([login(t.app, 'admin'), login(t.app, 'requester'), login(t.app, 'accountant')]);
    const department = (await as(t.app, accountant).get('/api/organisations'))
      .json()
      .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
    const line = await as(t.app, accountant).post('/api/budget-lines', {
      organisationId: department,
      fiscalYear: 2024,
      code: 'AUDIT-1',
      name: '审计测试指标',
      spendingType: 'project',
      fundingSource: '一般公共预算',
      initial: '500000.00',
    });
    expect(line.statusCode, line.body).toBe(201);
    const payment = await as(t.app, requester).post('/api/payments', {
      budgetLineId: line.json().id,
      payeeName: '广州审计测试科技有限公司',
      purpose: '测试支付',
      expenseType: 'project',
      amount: '12345.67',
      invoiceNumber: 'INV-AUDIT',
      dueOn: '2024-12-31',
    });
    expect(payment.statusCode, payment.body).toBe(201);
    paymentId = payment.json().id;
  }, 120_000);
  afterAll(() => t?.close());

  it('names the payment by its payee and amount, and finds it by type and by the person who acted', async () => {
    const page = await as(t.app, admin).get(`/api/audit?entityType=payment-request&actor=${encodeURIComponent('经办')}`);
    expect(page.statusCode, page.body).toBe(200);
    const entry = page.json().items.find((item: { entityId: string }) => item.entityId === paymentId);
    expect(entry).toMatchObject({
      entityType: 'payment-request',
      actorName: '经办人（示例）',
      subjectName: '广州审计测试科技有限公司',
      subjectAmountFen: 1234567,
    });
    const others = (await as(t.app, admin).get(`/api/audit?entityType=payment-request&actor=${encodeURIComponent('出纳')}`)).json();
    expect(others.items.map((item: { entityId: string }) => item.entityId)).not.toContain(paymentId);
  });

  it('filters by the person who acted, chosen from the people of the log the reader may see', async () => {
    const actors = await as(t.app, admin).get('/api/audit/actors');
    expect(actors.statusCode, actors.body).toBe(200);
    const people: { id: string; name: string; entries: number }[] = actors.json().items;
    const requesterEntry = people.find((person) => person.name === '经办人（示例）');
    const accountantEntry = people.find((person) => person.name === '财务审核（示例）');
    expect(requesterEntry?.entries).toBeGreaterThanOrEqual(1);
    expect(accountantEntry?.entries).toBeGreaterThanOrEqual(1);
    if (!requesterEntry || !accountantEntry) return;
    const mine = (await as(t.app, admin).get(`/api/audit?actorId=${requesterEntry.id}&limit=200`)).json();
    expect(mine.items.map((item: { entityId: string }) => item.entityId)).toContain(paymentId);
    expect(new Set(mine.items.map((item: { actorName: string }) => item.actorName))).toEqual(new Set(['经办人（示例）']));
    const theirs = (await as(t.app, admin).get(`/api/audit?actorId=${accountantEntry.id}&entityType=payment-request&limit=200`)).json();
    expect(theirs.items.every((item: { actorName: string }) => item.actorName === '财务审核（示例）')).toBe(true);
    expect(
      theirs.items.filter((item: { entityId: string; action: string }) => item.entityId === paymentId && item.action === 'request'),
    ).toEqual([]);
    // The person filter combines with type and dates: nothing of the requester's before the log began.
    expect((await as(t.app, admin).get(`/api/audit?actorId=${requesterEntry.id}&to=2000-01-01`)).json().items).toEqual([]);
  });

  it('offers a department head only the people who acted in their department', async () => {
    const head = await login(t.app, 'head');
    const all: { id: string }[] = (await as(t.app, admin).get('/api/audit/actors')).json().items;
    const response = await as(t.app, head).get('/api/audit/actors');
    expect(response.statusCode, response.body).toBe(200);
    const theirs: { id: string }[] = response.json().items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThanOrEqual(all.length);
    const allIds = new Set(all.map((person) => person.id));
    expect(theirs.every((person) => allIds.has(person.id))).toBe(true);
    expect((await as(t.app, requester).get('/api/audit/actors')).statusCode).toBe(403);
  });

  it('refuses a person that is not an id, naming the field in Chinese', async () => {
    const response = await as(t.app, admin).get('/api/audit?actorId=zhangsan');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/actorId/);
    expect(response.json().message).toMatch(/编号格式不正确/);
  });

  it('names a step that records only the status by the record it belongs to', async () => {
    const payment = (await as(t.app, accountant).get(`/api/payments/${paymentId}`)).json();
    const review = await as(t.app, accountant).post(`/api/payments/${paymentId}/review`, { version: payment.version });
    expect(review.statusCode, review.body).toBe(200);
    const page = (await as(t.app, admin).get(`/api/audit?entityId=${paymentId}`)).json();
    const step = page.items.find((item: { action: string }) => item.action === 'review');
    expect(step).toMatchObject({ subjectName: '广州审计测试科技有限公司', subjectAmountFen: 1234567, actorName: '财务审核（示例）' });
    expect(step.after).toMatchObject({ status: 'reviewed' });
    expect(step.after).not.toHaveProperty('payeeName');
  });

  it('takes a typed % or _ in a name literally', async () => {
    const page = (await as(t.app, admin).get(`/api/audit?actor=${encodeURIComponent('%')}`)).json();
    expect(page.items).toEqual([]);
  });

  it('refuses a record type it does not know, naming the field in Chinese', async () => {
    const response = await as(t.app, admin).get('/api/audit?entityType=payment');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/entityType/);
    expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
  });
});
