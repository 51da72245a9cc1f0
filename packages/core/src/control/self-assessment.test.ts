import { describe, expect, it } from 'vitest';
import { formatPoints } from '../numbers/points.ts';
import { ASSESSMENT_ITEMS, assess, type ControlFacts } from './self-assessment.ts';

const facts: ControlFacts = {
  modules: { budget: true, payments: true, procurement: true, assets: true, contracts: true, construction: false },
  segregationEnforced: true,
  refusals: 12,
  collectiveDecisions: 3,
  adjustmentsApproved: 2,
  stocktakesThisYear: 1,
  procurements: { total: 4, compliant: 3 },
  contracts: { total: 5, withAcceptance: 5 },
};

describe('内部控制基础性评价', () => {
  it('has the source’s category points: unit level 60, business level 40', () => {
    const sumBy = (level: string) =>
      ASSESSMENT_ITEMS.filter((item) => item.level === level).reduce((total, item) => total + item.points, 0);
    expect(sumBy('unit')).toBe(6000);
    expect(sumBy('business')).toBe(4000);
    const category = (name: string) =>
      ASSESSMENT_ITEMS.filter((item) => item.category === name).reduce((total, item) => total + item.points, 0) / 100;
    expect([
      category('建设启动'),
      category('主要负责人责任'),
      category('权力运行制约'),
      category('制度完备'),
      category('不相容岗位分离'),
      category('内部控制管理信息系统功能覆盖'),
    ]).toEqual([14, 6, 8, 16, 6, 10]);
    expect([
      category('预算业务管理'),
      category('收支业务管理'),
      category('政府采购业务管理'),
      category('资产管理'),
      category('建设项目管理'),
      category('合同管理'),
    ]).toEqual([7, 6, 7, 6, 8, 6]);
  });

  it('pre-fills what the system knows, leaves the rest to the unit, and rescales for 建设项目 not applicable', () => {
    const result = assess(facts, []);
    const line = (code: string) => result.lines.find((entry) => entry.definition.code === code);
    expect(line('U15')?.prefill).toEqual({ kind: 'score', score: 833, basis: '系统已覆盖：预算、收支、政府采购、资产、合同（5/6）' });
    expect(line('B3')?.score).toBe(525); // 7 × 3/4
    expect(line('B5')?.notApplicable).toBe(true);
    expect(result.unscored).toEqual(['U1', 'U2', 'U3', 'U4', 'U7', 'U11']);
    // Unit 8 + 2×5 (制度) + 2 (决策) + 6 + 8.33 = 34.33; business 7 + 6 + 5.25 + 6 + 6 = 30.25; ×100/92
    expect(formatPoints(result.unit.score)).toBe('34.33');
    expect(formatPoints(result.business.score)).toBe('30.25');
    expect(formatPoints(result.total)).toBe('70.20');
  });

  it('lets the unit score, override and mark items not applicable', () => {
    const result = assess(facts, [
      { code: 'U1', score: 400 },
      { code: 'U2', score: 400 },
      { code: 'U3', score: 500, note: '风险评估报告未覆盖采购' },
      { code: 'U4', score: 600 },
      { code: 'U7', notApplicable: true },
      { code: 'U11', notApplicable: true },
      { code: 'B3', score: 9_999 },
    ]);
    expect(result.unscored).toEqual([]);
    expect(result.lines.find((entry) => entry.definition.code === 'B3')?.score).toBe(700); // capped at the item's points
    expect(formatPoints(result.notApplicablePoints)).toBe('12.00');
    // Unit 4+4+5+6+8 + 2×6 (制度, 收入 and 建设项目 not applicable) + 6 + 8.33 = 53.33; business 7+6+7+6+6 = 32; × 100 ÷ 88
    expect(result.explanation).toBe('(53.33 + 32.00) × 100 ÷ (100 − 不适用 12.00) = 96.97');
  });
});
