import { readFileSync } from 'node:fs';
import { parseWorkbook, type WorkbookJson } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, detail } from './fixtures.ts';
import { as, multipart, type TestApp, testApp } from './harness.ts';

/**
 * The fields of other provinces' forms (examples/forms) survive import → database → export: flat
 * indicators, scheme options, 资金来源 rows, published scores, 管理效率 rates and own items.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let departmentId: string;
let projectId: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department, project } = await demoEvaluations(t.app, s.preparer);
  departmentId = department?.id ?? '';
  projectId = project?.id ?? '';
}, 120_000);
afterAll(() => t.close());

const form = (name: string) => readFileSync(new URL(`../../../examples/forms/${name}`, import.meta.url));
const formJson = (name: string) => JSON.parse(form(`${name}.json`).toString('utf8'));

async function importFile(id: string, filename: string, bytes: Uint8Array | string) {
  const body = multipart(filename, bytes);
  const response = await as(t.app, s.preparer).post(`/api/evaluations/${id}/workbook`, body.payload, body.headers);
  expect(response.statusCode, response.body).toBe(200);
}

async function exportJson(id: string) {
  const response = await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.json`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

function entriesOf(json: WorkbookJson) {
  const parsed = parseWorkbook(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return [...parsed.value.input.management].sort((a, b) => a.code.localeCompare(b.code));
}

async function totalOf(id: string) {
  const { all } = await demoEvaluations(t.app, s.preparer);
  return all.find((item) => item.id === id)?.total;
}

describe('forms of other provinces through the database', () => {
  it('keeps a department’s own 管理效率 items, rates, published scores and scheme options', async () => {
    const example = formJson('department-own-items-2024');
    await importFile(departmentId, 'department.json', JSON.stringify(example));
    const exported = await exportJson(departmentId);
    expect(exported.scheme).toEqual(example.scheme);
    expect(exported.budget.declaredScore).toBe('9.63');
    // Read back as the domain reads it (points as hundredths, rows in code order), the entries are the imported ones.
    // The demo binds 结转结余率 and 政府采购执行率 to its ledger, and an import keeps the bindings: their amounts are the ledger's.
    const ledgerBound = new Set(['carry-over-rate', 'procurement-execution-rate']);
    const typed = (entries: ReturnType<typeof entriesOf>) =>
      entries.map((entry) => (ledgerBound.has(entry.code) ? { ...entry, amounts: undefined } : entry));
    expect(typed(entriesOf(exported))).toEqual(typed(entriesOf(example)));
    expect(entriesOf(exported).find((entry) => entry.code === 'procurement-execution-rate')?.amounts).toEqual({
      procurementActual: 753660000,
      procurementPlanned: 753660000,
    });
    // The demo department takes its budget from the ledger, so only the items of its own are compared here.
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${departmentId}/score`)).json();
    const own = score.items.filter((item: { id: string }) =>
      ['paid-on-time-rate', 'cost-control-rate', 'audit-rectification'].includes(item.id),
    );
    expect(own.map((item: { name: string; actual: string; final: string }) => [item.name, item.actual, item.final])).toEqual([
      ['审计整改资金到位率', '100.00%', '6.00'],
      ['部门成本控制率', '-4.53%', '6.00'],
      ['资金支付及时足额率', '95.47%', '7.64'],
    ]);
  });

  it('shows the own items with their rates and published scores, and lets the preparer correct an own item’s rate', async () => {
    const before = await detail(t.app, s.preparer, departmentId);
    const paid = before.management.find((entry) => entry.code === 'paid-on-time-rate');
    expect(paid).toMatchObject({
      name: '资金支付及时足额率',
      own: true,
      kind: 'entered',
      rate: '95.47',
      declaredScore: '7.64',
      weight: '8.00',
    });
    expect(before.management.filter((entry) => entry.own).map((entry) => entry.code)).toEqual([
      'audit-rectification',
      'cost-control-rate',
      'paid-on-time-rate',
    ]);
    const saved = await as(t.app, s.preparer).put(`/api/evaluations/${departmentId}/management/paid-on-time-rate`, {
      rate: '100',
      version: paid?.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${departmentId}/score`)).json();
    const item = score.items.find((entry: { id: string }) => entry.id === 'paid-on-time-rate');
    expect([item.actual, item.final]).toEqual(['100%', '8.00']);
    // The published 7.64 no longer matches: the form's own arithmetic is checked against the edited value.
    expect(score.findings.map((entry: { message: string }) => entry.message)).toContain(
      '管理效率“资金支付及时足额率”（paid-on-time-rate）填报得分 7.64 与按规则计算的 8.00 不符',
    );
  });

  it('keeps the four funding sources, their sums and the published execution score', async () => {
    const example = formJson('funding-sources-2024');
    await importFile(projectId, 'sources.json', JSON.stringify(example));
    const exported = await exportJson(projectId);
    expect(exported.budget).toMatchObject({
      initial: '7500000.00',
      adjusted: '8200000.00',
      executed: '7812000.00',
      sources: example.budget.sources,
      declaredScore: '9.53',
    });
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${projectId}/score`)).json();
    expect(score.findings.map((entry: { code: string }) => entry.code)).not.toContain('FUNDING_SOURCE_SUM_MISMATCH');
    const shown = await detail(t.app, s.preparer, projectId);
    expect(shown.budget.declaredScore).toBe('9.53');
    expect(shown.budget.sources.map((line) => [line.label, line.executed, line.rate])).toEqual([
      ['年度资金总额', '7812000.00', '95.27%'],
      ['本年财政拨款', '6392000.00', '98.34%'],
      ['财政专户管理资金', '800000.00', '80.00%'],
      ['单位资金', '500000.00', '100.00%'],
      ['其他资金', '120000.00', '60.00%'],
    ]);
    expect(await totalOf(projectId)).toBe('99.53');
  });

  it('keeps a flat form’s indicators without levels and its free level weights, from .xlsx and back', async () => {
    await importFile(projectId, 'flat.xlsx', form('flat-county-2024.xlsx'));
    const exported = await exportJson(projectId);
    expect(exported.scheme.options).toEqual({ levelWeightMode: 'free' });
    expect(exported.indicators.map((row: { level1?: string; weight: string }) => [row.level1, row.weight])).toEqual([
      [undefined, '20.00'],
      [undefined, '20.00'],
      [undefined, '15.00'],
      [undefined, '15.00'],
      [undefined, '20.00'],
    ]);
    expect(await totalOf(projectId)).toBe('98.90');
    const xlsx = await as(t.app, s.preparer).get(`/api/evaluations/${projectId}/workbook.xlsx`);
    await importFile(projectId, 'again.xlsx', xlsx.rawPayload);
    expect(await totalOf(projectId)).toBe('98.90');
  });
});
