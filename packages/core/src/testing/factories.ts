import type { EvaluationInput, Indicator } from '../model.ts';
import { parseDecimal } from '../numbers/decimal.ts';

/**
 * Builders shared by tests, benchmarks and the demo seed: a valid object by default, changed by
 * overrides, so each test states only what it is about.
 */
export function dec(text: string) {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return value;
}

let sequence = 0;

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  sequence += 1;
  return {
    id: `I${sequence}`,
    level1: 'output',
    level2: 'quantity',
    name: `指标${sequence}`,
    direction: '>=',
    target: dec('100'),
    actual: dec('100'),
    unit: '个',
    dataSource: '统计台账',
    ...overrides,
  };
}

/** A complete project evaluation: one indicator per second-level class, all targets met. */
export function buildInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    kind: 'project',
    fiscalYear: 2024,
    organisation: { name: '测试单位', subordinateUnitCount: 0, preparer: '张三', phone: '020-00000000', filledOn: '2025-03-01' },
    project: { name: '测试项目' },
    goals: [{ id: 'G1', text: '完成年度任务' }],
    indicators: [
      buildIndicator({ level2: 'quantity' }),
      buildIndicator({ level2: 'quality', unit: '%' }),
      buildIndicator({ level2: 'timeliness', direction: '<=', target: dec('10'), actual: dec('8'), unit: '个工作日' }),
      buildIndicator({ level2: 'cost', direction: '<=', target: dec('800'), actual: dec('760'), unit: '元' }),
      buildIndicator({ level1: 'effect', level2: 'social', unit: '%' }),
      buildIndicator({
        level1: 'satisfaction',
        level2: 'beneficiary',
        name: '服务对象满意度',
        target: dec('90'),
        actual: dec('95'),
        unit: '%',
        dataSource: '问卷调查，有效样本200份',
      }),
    ],
    budget: { initial: 100_000_00, carryOver: 0, adjusted: 100_000_00, executed: 95_000_00 },
    management: [],
    narrative: { problems: [], measures: [] },
    ...overrides,
  };
}
