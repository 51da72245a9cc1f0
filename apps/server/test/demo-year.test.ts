import type { DeclarationDetail, DeclarationSummary, SurveyDetail, SurveyResponseRow, SurveySummary } from '@jixiao/contract';
import { compareDecimal, parseDecimal } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';
import { declarationDetail } from './targets-fixtures.ts';

/** The demo's year in progress — its 绩效目标申报 and its satisfaction survey — relative to the seeding clock: pinned here to 2026-12-02 (Y = 2026). */

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2026-12-02T02:00:00Z') });
  s = await demoSessions(t.app);
}, 120_000);
afterAll(() => t.close());

async function listed(year: number): Promise<DeclarationSummary[]> {
  return (await as(t.app, s.finance).get(`/api/declarations?fiscalYear=${year}`)).json().items;
}

const states = (items: DeclarationSummary[]) =>
  items.map((item) => `${item.kind === 'department' ? '部门整体' : item.projectCode}:${item.status}`).sort();

describe('demo declarations', () => {
  it('opens the fiscal years up to Y + 1 with their deadlines in the year after', async () => {
    const years = (await as(t.app, s.preparer).get('/api/fiscal-years')).json().items as { year: number; submitDeadline: string | null }[];
    expect(years.map((entry) => entry.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(years.find((entry) => entry.year === 2027)?.submitDeadline).toBe('2028-06-20');
  });

  it('holds year Y’s approved targets, frozen as version 1, derived from 2024 with every dimension', async () => {
    const items = await listed(2026);
    expect(states(items)).toEqual(['XM2026-017:approved', '部门整体:approved']);
    for (const item of items) {
      const detail = await declarationDetail(t.app, s.finance, item.id);
      // The project's first version is followed by the demo's approved 绩效目标调整 (demo-adjustments.ts): version 2.
      expect(detail.approved?.number).toBe(item.kind === 'project' ? 2 : 1);
      expect(detail.findings.filter((entry) => entry.code.startsWith('MISSING_') || entry.severity === 'error')).toEqual([]);
      expect(weaker(detail)).toEqual([]);
    }
    const project = await declarationDetail(t.app, s.finance, items.find((item) => item.kind === 'project')?.id ?? '');
    // 2024: 举办培训班期数 target 12, actual 10 → 12; 培训企业人次 target 1500, actual 1620 → 1620.
    expect(project.indicators.slice(0, 2).map((line) => [line.name, line.target, line.lastYearActual])).toEqual([
      ['举办培训班期数', '12', '10'],
      ['培训企业人次', '1620', '1620'],
    ]);
    // Bound to the library where an entry of the same name exists.
    expect(project.indicators.filter((line) => line.libraryEntryId !== null).map((line) => line.name)).toEqual(
      expect.arrayContaining(['培训考核合格率', '人均培训成本']),
    );
  });

  it('holds Y + 1 in progress: approved ones, one under department review, one returned by finance with opinions in place', async () => {
    const items = await listed(2027);
    expect(states(items)).toEqual(['XM2027-017:approved', 'XM2027-021:submitted', 'XM2027-025:returned', '部门整体:approved']);
    const returned = await declarationDetail(t.app, s.unitPreparer, items.find((item) => item.status === 'returned')?.id ?? '');
    expect(returned.opinions).toEqual([expect.objectContaining({ stage: 'department' }), expect.objectContaining({ stage: 'finance' })]);
    const opinions = returned.indicators.filter((line) => line.opinions.some((opinion) => opinion.verdict !== 'pass'));
    expect(opinions.map((line) => [line.name, line.opinions.at(-1)?.verdictLabel])).toEqual([
      ['新增入库培育企业数', '不通过'],
      ['户均培育服务成本', '修改后通过'],
      ['培育企业满意度', '修改后通过'],
    ]);
    const tasks = (await as(t.app, s.reviewer).get('/api/tasks')).json().items as { declarationId?: string }[];
    expect(tasks.some((task) => task.declarationId === items.find((item) => item.status === 'submitted')?.id)).toBe(true);
  });

  it('keeps the segregation of duties in the seeded history: drafted, reviewed and approved by different people', async () => {
    for (const item of [...(await listed(2026)), ...(await listed(2027))]) {
      const detail = await declarationDetail(t.app, s.finance, item.id);
      const byStage = new Map(detail.transitions.map((entry) => [`${entry.stage}:${entry.action}`, entry.actorName]));
      const actors = [byStage.get('unit:submit'), byStage.get('department:approve'), byStage.get('finance:approve')].filter(Boolean);
      expect(new Set(actors).size, item.projectCode ?? item.kind).toBe(actors.length);
    }
  });
});

/** Lines whose target is weaker than 2024's actual (≥ below it, ≤ above it). */
function weaker(detail: DeclarationDetail): string[] {
  return detail.indicators.flatMap((line) => {
    const target = line.target === null ? undefined : parseDecimal(line.target);
    const last = line.lastYearActual === null ? undefined : parseDecimal(line.lastYearActual);
    if (!target || !last) return [];
    const order = compareDecimal(target, last);
    const bad =
      ((line.direction === '>=' || line.direction === '>') && order < 0) ||
      ((line.direction === '<=' || line.direction === '<') && order > 0);
    return bad ? [line.name] : [];
  });
}

describe('demo survey', () => {
  it('is collecting on the seeding day: opened five weeks before, closes two weeks after, linked to the approved 满意度 target', async () => {
    const items = (await as(t.app, s.finance).get('/api/surveys?fiscalYear=2026')).json().items as SurveySummary[];
    expect(items.map((item) => [item.organisationName, item.status, item.opensOn, item.closesOn])).toEqual([
      ['番禺区中小企业服务中心（示例）', 'open', '2026-10-28', '2026-12-16'],
    ]);
    const [survey] = items;
    // 120 online and 20 paper answers; flagged ones stay valid until a reviewer excludes them.
    expect(survey?.validResponses).toBe(140);
    // N = 620, 95 %, ±5 %: 384.16 / (1 + 383.16 / 620) = 237.4 → 238 valid, ÷ 50 % → 475 invited; not yet reached.
    expect([survey?.plan.required, survey?.plan.invitations]).toEqual([238, 475]);
    const detail = (await as(t.app, s.unitPreparer).get(`/api/surveys/${survey?.id}`)).json() as SurveyDetail;
    expect(detail.links.map((link) => [link.kind, link.context])).toEqual([
      ['declared', '2026 年度绩效目标申报表（中小企业数字化转型培训及服务券项目（示例））'],
    ]);
  });

  it('holds answers as real traffic leaves them: paper ones marked, a few too fast to have been read', async () => {
    const [survey] = (await as(t.app, s.finance).get('/api/surveys?fiscalYear=2026')).json().items as SurveySummary[];
    const responses = (await as(t.app, s.reviewer).get(`/api/surveys/${survey?.id}/responses`)).json().items as SurveyResponseRow[];
    expect(responses.filter((row) => row.channel === 'paper')).toHaveLength(20);
    expect(responses.filter((row) => row.flags.includes('too-fast')).map((row) => row.completionSeconds)).toEqual([12, 12, 12]);
    expect(responses.every((row) => row.receivedAt < '2026-12-02T02:00:00')).toBe(true);
    expect(responses.some((row) => row.flags.includes('duplicate'))).toBe(false);
  });
});
