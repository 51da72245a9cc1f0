import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, detail } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let id: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department } = await demoEvaluations(t.app, s.preparer);
  if (!department) throw new Error('demo missing');
  id = department.id;
});
afterAll(() => t.close());

interface FindingView {
  code: string;
  severity: string;
  message: string;
  subject: { kind: string; id?: string };
}

async function narrativeFindings(): Promise<FindingView[]> {
  const score = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/score`)).json();
  return score.findings.filter((entry: FindingView) => entry.code === 'NARRATIVE_MISMATCH');
}

async function patchCharging(fields: Record<string, unknown>) {
  const indicator = (await detail(t.app, s.preparer, id)).indicators.find((entry) => entry.code === 'G2-5');
  const response = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, { version: indicator?.version, ...fields });
  expect(response.statusCode).toBe(200);
}

describe('the report’s texts against the current figures', () => {
  it('flags the stale “实际168个” once the actual is edited to 120, and clears it when the text follows', async () => {
    expect(await narrativeFindings()).toEqual([]);

    await patchCharging({ actual: '120', deviationReason: '部分站点建设延期' });
    expect(await narrativeFindings()).toEqual([
      expect.objectContaining({
        severity: 'error',
        subject: expect.objectContaining({ kind: 'indicator', id: 'G2-5' }),
        message:
          '指标 G2-5 的实际值表述写“实际168个”，指标 G2-5“新增充电基础设施数量”的实际完成值为 168个，与当前数据 120个 不符；请修改文字或核对数据',
      }),
    ]);
    // The list and the header count it like any other error.
    const { department } = await demoEvaluations(t.app, s.preparer);
    expect(department?.errorCount).toBeGreaterThan(0);

    await patchCharging({ actualText: '实际120个' });
    expect(await narrativeFindings()).toEqual([]);
    await patchCharging({ actual: '168', actualText: '实际168个', deviationReason: null });
    expect(await narrativeFindings()).toEqual([]);
  });

  it('compares the 自评结论’s score and the 履职效能分析’s counts with the computed ones', async () => {
    const patchNarrative = async (narrative: Record<string, string>) => {
      const { version } = await detail(t.app, s.preparer, id);
      const response = await as(t.app, s.preparer).patch(`/api/evaluations/${id}`, { version, narrative });
      expect(response.statusCode).toBe(200);
    };
    await patchNarrative({ conclusion: '圆满完成年度目标，自评得分99.52分。', dutyIntro: '在产出指标下设置了9个三级指标。' });
    expect(await narrativeFindings()).toEqual([]);

    await patchNarrative({ conclusion: '圆满完成年度目标，自评得分98分。', dutyIntro: '在产出指标下设置了10个三级指标。' });
    expect((await narrativeFindings()).map((entry) => [entry.subject.kind, entry.message])).toEqual([
      ['evaluation', '自评结论写“自评得分98分”，自评得分为 98分，与当前数据 99.52分 不符；请修改文字或核对数据'],
      ['level', '履职效能分析写“产出指标下设置了10个三级指标”，产出指标下的三级指标个数为 10个，与当前数据 9个 不符；请修改文字或核对数据'],
    ]);
  });
});
