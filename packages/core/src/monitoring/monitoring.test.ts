import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProject } from './assess.ts';
import { CURVE_CASES } from './curves.cases.ts';
import { curveAt, cutoffOf, planCurve } from './curves.ts';
import { fiscal, JULY_END, MILESTONES, project, quantity, RATIO } from './fixtures.ts';
import { BUDGET_CASES, budget, INDICATOR_CASES, indicator, MILESTONE_CASES } from './lights.cases.ts';
import { worstLight } from './lights.ts';
import type { Light, MonitoringRuleCode, MonitoringWarningCode } from './model.ts';
import { DEFAULT_RULE_SETS, defaultRuleSet, parseRuleSet } from './rule-set.ts';
import { percentFigure } from './share.ts';
import { WARNING_CASES } from './warnings.cases.ts';
import { projectedDecemberShare } from './warnings.ts';

const LIGHT_TABLES = { budget: BUDGET_CASES, milestones: MILESTONE_CASES, indicators: INDICATOR_CASES };

for (const [area, cases] of Object.entries(LIGHT_TABLES)) {
  describe(`${area} lights`, () => {
    it.each(cases)('$name', ({ run, light, ratio, expected, reason }) => {
      const result = run();
      expect(result.light).toBe(light);
      if (ratio !== undefined) expect(result.ratio).toBe(ratio);
      if (expected !== undefined) expect(result.expected).toBe(expected);
      if (light === 'none') expect(result.reason).toBe(reason);
      // Every light explains itself in both languages and names its figures.
      expect(result.explanation).toMatch(/。$/);
      expect(result.explanationEn.length).toBeGreaterThan(10);
      expect(result.inputs.length).toBeGreaterThan(0);
    });
  });
}

describe('expected curves', () => {
  it.each(CURVE_CASES)('$name', ({ run, curve, atCutoff, linearAtCutoff, months }) => {
    const result = run();
    expect(result.curve).toBe(curve);
    expect(result.atCutoff).toBe(atCutoff);
    expect(result.byMonth).toHaveLength(12);
    expect(result.linear[6]).toBe('0.5833');
    if (linearAtCutoff !== undefined) expect(result.linearAtCutoff).toBe(linearAtCutoff);
    for (const [month, share] of Object.entries(months ?? {})) expect(result.byMonth[Number(month) - 1]).toBe(share);
  });

  it('refuses a date that does not exist, in Chinese', () => {
    expect(() => cutoffOf(2026, '2026-02-29')).toThrow('截止日期“2026-02-29”不是有效日期（应为 YYYY-MM-DD）');
    expect(() => cutoffOf(2026, '31/07/2026')).toThrow(RangeError);
  });
});

describe('consistency warnings', () => {
  it.each(WARNING_CASES)('$name', ({ run, codes, message }) => {
    const warnings = run();
    expect(warnings.map((warning) => warning.code)).toEqual(codes);
    if (message !== undefined) expect(warnings[0]?.message).toBe(message);
    for (const warning of warnings) expect(warning.messageEn.length).toBeGreaterThan(10);
  });

  it('every warning code is raised by some case', () => {
    const codes: MonitoringWarningCode[] = [
      'MON_GOAL_AHEAD_OF_SPENDING',
      'MON_SPENDING_AHEAD_OF_GOAL',
      'MON_SATISFACTION_NO_SURVEY',
      'MON_TIMELINESS_OVERDUE',
      'MON_YEAR_END_RUSH',
    ];
    const raised = new Set(WARNING_CASES.flatMap((entry) => entry.codes));
    expect(codes.filter((code) => !raised.has(code))).toEqual([]);
  });

  it('the rush forecast with a smaller 全年预计执行数 is exact', () => {
    const money = fiscal({ adjustedBudgetFen: 110_000_000, spentToDateFen: 30_000_000, forecastYearEndFen: 60_000_000 });
    const december = projectedDecemberShare(money, cutoffOf(2026, JULY_END));
    expect(december && percentFigure(december)).toBe('21.43');
  });
});

describe('explanations', () => {
  it('the budget light names the rule, the figures and the band', () => {
    const result = budget({ spentToDateFen: 42_000_000 });
    expect(result.explanation).toBe(
      '本年财政拨款：执行率 35.00%（支出 420,000.00 元 ÷ 调整预算 1,200,000.00 元），序时进度 58.33%（按月份 ÷ 12），执行率 ÷ 序时进度 = 60.00%，不低于 60% 且低于 80%，为黄灯。',
    );
    expect(result.explanationEn).toBe(
      '本年财政拨款: execution 35.00% (spent 420,000.00 yuan ÷ adjusted budget 1,200,000.00 yuan), expected 58.33% (month ÷ 12); execution ÷ expected = 60.00%, from 60% to below 80%: yellow.',
    );
    expect(result.rule).toEqual({
      code: 'MON_BUDGET_RATIO',
      preset: 'ratio',
      source: '《中央部门预算绩效运行监控管理暂行办法》（财预〔2019〕136号）；阈值依据监控预警规则默认值',
    });
  });

  it('a saved rule table is named with its region, year and version', () => {
    const result = budget({}, JULY_END, { ...RATIO, version: 3 });
    expect(result.rule.source).toContain('监控预警规则表（440113，2026 年，第 3 版）');
  });

  it('a blue indicator says the target may be too low', () => {
    expect(indicator({ actualToDate: '840' }).explanation).toBe(
      '培训人次：实际完成 840人次，年度指标值 1200人次，应完成比例 58.33%（按月份 ÷ 12），完成值 ÷（指标值 × 应完成比例）= 120.00%，不低于 120%（目标值可能偏低），为蓝灯。',
    );
  });

  it('a milestone light names the milestone due', () => {
    expect(budget({ spentToDateFen: 42_000_000 }, JULY_END, MILESTONES).explanation).toBe(
      '本年财政拨款：执行率 35.00%（支出 420,000.00 元 ÷ 调整预算 1,200,000.00 元），已到期节点：6 月底执行率应不低于 40%，低于节点不超过 5 个百分点，为黄灯。',
    );
  });

  it('a reverse indicator names its (prorated) limit', () => {
    expect(indicator({ direction: '<=', actualToDate: '701' }, JULY_END, { ...RATIO, reverseProRata: true }).explanation).toBe(
      '培训人次：实际完成 701人次，应完成比例 58.33%（按月份 ÷ 12），截至 2026-07-31 应 <= 700人次，未满足指标值，为红灯。',
    );
  });
});

describe('the project', () => {
  it('is the worst of its budget and indicators, with every part and the warnings', () => {
    const result = assessProject(
      project({
        money: [
          fiscal({ spentToDateFen: 42_000_000 }),
          fiscal({ source: 'other', label: '其他资金', adjustedBudgetFen: 0, spentToDateFen: 0 }),
        ],
        indicators: [quantity({ actualToDate: '840' }), quantity({ id: 'i2', actualToDate: '700' })],
      }),
      RATIO,
    );
    expect(result.light).toBe('yellow');
    expect(result.budget.light).toBe('yellow');
    expect(result.money.map((money) => [money.source, money.light, money.executionRate])).toEqual([
      ['fiscal', 'yellow', '35.00'],
      ['other', 'none', undefined],
    ]);
    expect(result.indicators.map((entry) => [entry.id, entry.light])).toEqual([
      ['i1', 'blue'],
      ['i2', 'green'],
    ]);
    expect(result.expected.curve).toBe('linear');
    // 35 % spent by July: at that pace December would carry 45 % of the year.
    expect(result.warnings.map((warning) => warning.code)).toEqual(['MON_GOAL_AHEAD_OF_SPENDING', 'MON_YEAR_END_RUSH']);
  });

  it('takes the milestones preset from the rule set', () => {
    const result = assessProject(project({ money: [fiscal({ spentToDateFen: 30_000_000 })] }), MILESTONES);
    expect(result.budget.rule.code).toBe('MON_BUDGET_MILESTONE');
    expect(result.budget.light).toBe('red');
    expect(result.light).toBe('red');
  });

  it('is none only when nothing is assessable', () => {
    const result = assessProject(project({ money: [], indicators: [quantity({ actualToDate: undefined })] }), RATIO);
    expect(result.light).toBe('none');
  });

  it.each<[Light[], Light]>([
    [[], 'none'],
    [['none'], 'none'],
    [['green', 'blue'], 'green'],
    [['blue', 'blue'], 'blue'],
    [['none', 'yellow', 'green'], 'yellow'],
    [['blue', 'red', 'yellow'], 'red'],
  ])('worstLight(%j) is %s', (lights, light) => {
    expect(worstLight(lights)).toBe(light);
  });
});

describe('the rule table', () => {
  it('accepts both defaults, as objects and as JSON text', () => {
    for (const rules of Object.values(DEFAULT_RULE_SETS)) {
      expect(parseRuleSet(rules)).toEqual({ ok: true, value: rules });
      expect(parseRuleSet(JSON.stringify(rules))).toEqual({ ok: true, value: rules });
    }
    expect(defaultRuleSet('milestones', '440113', 2026)).toMatchObject({ preset: 'milestones', region: '440113', year: 2026, version: 0 });
  });

  it.each<[string, (rules: Record<string, unknown>) => unknown, string]>([
    [
      'a band that is not a number',
      (r) => ({ ...r, budgetBands: { red: 'abc', green: '0.8' } }),
      '规则表字段 budgetBands.red（预算执行红灯线）的值 “abc” 应为大于 0、不超过 1 的小数文本（如 "0.6" 表示 60%）',
    ],
    [
      'a band given as a JSON number',
      (r) => ({ ...r, budgetBands: { red: 0.6, green: '0.8' } }),
      '规则表字段 budgetBands.red（预算执行红灯线）的值 0.6 应为大于 0、不超过 1 的小数文本（如 "0.6" 表示 60%）',
    ],
    [
      'bands out of order',
      (r) => ({ ...r, budgetBands: { red: '0.8', green: '0.6' } }),
      '规则表字段 budgetBands.green（预算执行绿灯线）的值 “0.6” 应大于 budgetBands.red 的值 “0.8”',
    ],
    [
      'blue not above green',
      (r) => ({ ...r, indicatorBands: { red: '0.6', green: '1.2', blue: '1.2' } }),
      '规则表字段 indicatorBands.blue（指标蓝灯线）的值 “1.2” 应大于 indicatorBands.green 的值 “1.2”',
    ],
    [
      'an unknown preset',
      (r) => ({ ...r, preset: 'linear' }),
      '规则表字段 preset（预警方案）的值 “linear” 应为 "ratio"（执行率与序时进度之比）或 "milestones"（固定进度节点）',
    ],
    [
      'milestones out of order',
      (r) => ({
        ...r,
        milestones: [
          { month: 6, share: '0.4' },
          { month: 4, share: '0.5' },
        ],
      }),
      '规则表字段 milestones[1].month（进度节点）的值 4 应晚于上一节点的 6 月',
    ],
    [
      'a milestone share falling',
      (r) => ({
        ...r,
        milestones: [
          { month: 4, share: '0.4' },
          { month: 6, share: '0.3' },
        ],
      }),
      '规则表字段 milestones[1].share（进度节点）的值 “0.3” 应大于上一节点的 “0.4”',
    ],
    [
      'a month 13',
      (r) => ({ ...r, rush: { decemberShare: '0.3', fromMonth: 13 } }),
      '规则表字段 rush.fromMonth（年末突击支付预警起始月份）的值 13 应为 1 到 12 之间的整数',
    ],
    [
      'a misspelt field',
      (r) => ({ ...r, reverseProrata: true }),
      '规则表字段 reverseProrata 的值 true 无法识别：规则表没有这个字段（请检查拼写）',
    ],
    ['a missing field', (r) => ({ ...r, gaps: undefined }), '规则表字段 gaps 缺失，应为对象，含 goalVsSpending'],
    [
      'a zero gap',
      (r) => ({ ...r, gaps: { goalVsSpending: '0' } }),
      '规则表字段 gaps.goalVsSpending（目标与支出进度偏离阈值）的值 “0” 应为大于 0、不超过 1 的小数文本（如 "0.6" 表示 60%）',
    ],
    ['a year out of range', (r) => ({ ...r, year: 1999 }), '规则表字段 year（年度）的值 1999 应为 2000 到 2100 之间的整数'],
  ])('refuses %s, naming the field and the value', (_name, change, message) => {
    const result = parseRuleSet(change({ ...RATIO } as unknown as Record<string, unknown>));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContain(message);
    // The path alone is what a form uses to put the message beside its field.
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toContain(message.split(' ')[1]?.replace(/（.*$/, ''));
  });

  it('refuses text that is not JSON, and a milestones preset without milestones', () => {
    expect(parseRuleSet('{')).toMatchObject({ ok: false, errors: ['规则表不是有效的 JSON'] });
    const empty = parseRuleSet({ ...MILESTONES, milestones: [] });
    expect(empty.ok ? [] : empty.errors).toEqual(['规则表字段 milestones（进度节点）的值 [] 在固定进度节点方案下至少需要一个节点']);
  });
});

const RANK: Readonly<Record<Light, number>> = { none: -1, red: 0, yellow: 1, green: 2, blue: 3 };
const SEVERITY: Readonly<Record<Light, number>> = { none: -1, blue: 0, green: 1, yellow: 2, red: 3 };

describe('properties', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((hundredths) => (hundredths / 100).toFixed(2));

  it('a positive indicator’s light never gets worse as the actual grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), amount, amount, fc.integer({ min: 1, max: 12 }), (target, a, b, month) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const asOf = `2026-${String(month).padStart(2, '0')}-15`;
        const lightOf = (actual: string) => indicator({ target: String(target), actualToDate: actual }, asOf).light;
        expect(RANK[lightOf(low)]).toBeLessThanOrEqual(RANK[lightOf(high)]);
      }),
    );
  });

  it('the budget light never gets worse as spending grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e10 }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        (total, x, y) => {
          const [low, high] = [Math.round(total * Math.min(x, y)), Math.round(total * Math.max(x, y))];
          const lightOf = (spent: number) => budget({ adjustedBudgetFen: total, spentToDateFen: spent }).light;
          expect(RANK[lightOf(low)]).toBeLessThanOrEqual(RANK[lightOf(high)]);
        },
      ),
    );
  });

  it('the project light is never milder than any of its parts', () => {
    const light = fc.constantFrom<Light>('green', 'yellow', 'red', 'blue', 'none');
    fc.assert(
      fc.property(fc.array(light, { maxLength: 8 }), (lights) => {
        const project = worstLight(lights);
        for (const part of lights) if (part !== 'none') expect(SEVERITY[project]).toBeGreaterThanOrEqual(SEVERITY[part]);
        expect(project === 'none').toBe(lights.every((part) => part === 'none'));
      }),
    );
  });

  it('a payment plan’s curve never falls during the year and ends at 100 %', () => {
    const plan = fc
      .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 12, maxLength: 12 })
      .filter((months) => months.some((m) => m > 0));
    fc.assert(
      fc.property(plan, fc.integer({ min: 1, max: 364 }), (months, day) => {
        const curve = planCurve(months);
        if (!curve) throw new Error('a plan with a payment is usable');
        const date = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const [before, after] = [curveAt(curve, cutoffOf(2026, date(day - 1))), curveAt(curve, cutoffOf(2026, date(day)))];
        expect(before.num * after.den <= after.num * before.den).toBe(true);
        expect(curveAt(curve, cutoffOf(2026, '2026-12-31'))).toEqual({ num: 1n, den: 1n });
      }),
    );
  });

  it('more spending never forecasts a bigger December', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, x, y) => {
          const share = (spent: number) =>
            projectedDecemberShare(fiscal({ adjustedBudgetFen: total, spentToDateFen: spent }), cutoffOf(2026, JULY_END));
          const [more, less] = [share(Math.round(total * Math.max(x, y))), share(Math.round(total * Math.min(x, y)))];
          if (!more || !less) throw new Error('a budget gives a forecast');
          expect(more.num * less.den <= less.num * more.den).toBe(true);
        },
      ),
    );
  });
});

it('rule codes are the documented ones', () => {
  const codes: MonitoringRuleCode[] = [budget({}).rule.code, budget({}, JULY_END, MILESTONES).rule.code, indicator({}).rule.code];
  expect(codes).toEqual(['MON_BUDGET_RATIO', 'MON_BUDGET_MILESTONE', 'MON_INDICATOR_POSITIVE']);
});
