import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, detail, uploadWorkbook } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

/**
 * The indicator fields of filed provincial forms (调整指标值, 得分系数, 是否核心指标, graded targets, a task
 * reported as 按期完成) survive import → database → export, and are scored from the database.
 */
const FORM = readFileSync(new URL('../../../packages/documents/test/fixtures/guangdong-style-project-2024.json', import.meta.url), 'utf8');

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let id: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { project } = await demoEvaluations(t.app, s.preparer);
  id = project?.id ?? '';
});
afterAll(() => t.close());

const upload = (filename: string, bytes: Uint8Array | string) => uploadWorkbook(t.app, s.preparer, id, filename, bytes);
const total = async () => (await demoEvaluations(t.app, s.preparer)).project?.total;
const exportJson = async () => (await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.json`)).json();

describe('a filed form through the database', () => {
  it('imports the fields, stores them and scores from them', async () => {
    const response = await upload('广东项目自评表.json', FORM);
    expect(response.statusCode, response.body).toBe(200);
    const stored = await detail(t.app, s.preparer, id);
    const o1 = stored.indicators.find((row) => row.code === 'O1');
    expect(o1).toMatchObject({
      target: '1500',
      adjustedTarget: '1200',
      adjustedTargetText: '不少于1200个（2024年7月经市财政局批准调整）',
      scoreCoefficient: '1',
      isCore: true,
    });
    expect(stored.indicators.find((row) => row.code === 'O3')).toMatchObject({ actual: null, actualText: '按期完成' });
    expect(await total()).toBe('95.30');
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/score`)).json();
    const item = score.items.find((entry: { id: string }) => entry.id === 'O1');
    expect(item).toMatchObject({ target: '≥1500个', adjustedTarget: '≥1200个', final: '15.00', isCore: true });
    expect(score.findings.filter((entry: { severity: string }) => entry.severity === 'error')).toEqual([]);
  });

  it('exports every field as it was imported, and the scheme options with them', async () => {
    const form = JSON.parse(FORM);
    const exported = await exportJson();
    const fields = (row: Record<string, unknown>) => ({
      id: row.id,
      adjustedTarget: row.adjustedTarget,
      adjustedTargetText: row.adjustedTargetText,
      scoreCoefficient: row.scoreCoefficient,
      isCore: row.isCore,
      actual: row.actual,
      actualText: row.actualText,
    });
    const asImported = form.indicators.map((row: Record<string, unknown>) =>
      // "按期完成" in the actual is kept as the actual's wording.
      row.actual === '按期完成' ? { ...fields(row), actual: undefined, actualText: '按期完成' } : fields(row),
    );
    expect(exported.indicators.map(fields)).toEqual(asImported);
    expect(exported.scheme.options).toMatchObject({ completionWords: 'met-when-target-is-completion' });
  });

  it('round-trips through .xlsx with the same score', async () => {
    const xlsx = await as(t.app, s.preparer).get(`/api/evaluations/${id}/workbook.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    await upload('项目.json', JSON.stringify({ ...JSON.parse(FORM), indicators: JSON.parse(FORM).indicators.slice(0, 7) }));
    expect(await total()).not.toBe('95.30');
    const imported = await upload('广东项目自评表.xlsx', xlsx.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(await total()).toBe('95.30');
    expect((await exportJson()).indicators.find((row: { id: string }) => row.id === 'E1')).toMatchObject({ isCore: true });
  });

  it('edits the fields in the indicator editor: clearing the adjustment scores against the original target', async () => {
    const o1 = (await detail(t.app, s.preparer, id)).indicators.find((row) => row.code === 'O1');
    const refused = await as(t.app, s.preparer).patch(`/api/indicators/${o1?.id}`, { version: o1?.version, scoreCoefficient: '1.5' });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('得分系数应在 0 到 1 之间');
    const cleared = await as(t.app, s.preparer).patch(`/api/indicators/${o1?.id}`, {
      version: o1?.version,
      adjustedTarget: null,
      adjustedTargetText: null,
      isCore: false,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const edited = cleared.json().indicators.find((row: { code: string }) => row.code === 'O1');
    expect(edited).toMatchObject({ adjustedTarget: null, adjustedTargetText: null, isCore: false, target: '1500' });
    // 1260 of the original 1500: 15 × 1260 ÷ 1500 = 12.60, and the declared coefficient 1 no longer matches.
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/score`)).json();
    expect(score.items.find((entry: { id: string }) => entry.id === 'O1')).toMatchObject({ final: '12.60', adjustedTarget: null });
    expect(score.findings.map((entry: { code: string }) => entry.code)).toContain('SCORE_MISMATCH');
  });
});
