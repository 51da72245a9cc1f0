import type { WorkbookJson } from '@jixiao/core';

const LEVELS = [
  ['output', 'quantity'],
  ['output', 'quality'],
  ['output', 'timeliness'],
  ['output', 'cost'],
  ['effect', 'economic'],
  ['effect', 'social'],
  ['effect', 'ecological'],
  ['effect', 'sustainability'],
  ['satisfaction', 'beneficiary'],
] as const;
const DIRECTIONS = ['>=', '>', '<=', '<', '=', 'qualitative'] as const;

/**
 * A deterministic synthetic department workbook of `count` indicators spread over five goals, with
 * every direction, partial completion, qualitative bands and some not-applicable rows, so a
 * benchmark exercises every scoring path, not just the happy one.
 */
export function syntheticWorkbook(count: number): WorkbookJson {
  const goals = Array.from({ length: 5 }, (_, index) => ({
    id: `G${index + 1}`,
    text: `第${index + 1}项年度绩效目标：推动重点任务落实。`,
  }));
  const indicators = Array.from({ length: count }, (_, index) => {
    const [level1, level2] = LEVELS[index % LEVELS.length] ?? LEVELS[0];
    const direction = DIRECTIONS[index % DIRECTIONS.length] ?? '>=';
    const target = 50 + (index % 97);
    const actual = target + ((index * 7919) % 41) - 20;
    const base = {
      id: `I${index + 1}`,
      goalId: `G${(index % 5) + 1}`,
      level1,
      level2,
      name: `合成指标${index + 1}`,
      direction,
      unit: '个',
      dataSource: '统计台账',
      deviationReason: actual < target ? '受外部因素影响未完成' : undefined,
      notApplicable: index % 211 === 0 ? true : undefined,
    };
    if (direction === 'qualitative') return { ...base, band: 'achieved' as const };
    return { ...base, target: String(target), actual: `${actual}.${index % 100}` };
  });
  return {
    format: 'jixiao-evaluation-workbook',
    version: 1,
    kind: 'department',
    fiscalYear: 2024,
    scheme: { id: 'department-overall' },
    organisation: { name: '合成测试局', subordinateUnitCount: 6, preparer: '测试', phone: '020-00000000', filledOn: '2025-06-20' },
    goals,
    indicators,
    budget: { initial: '288000000.00', carryOver: '20000000.00', adjusted: '320000000.00', executed: '300800000.00' },
    management: [
      { code: 'carry-over-rate', amounts: { carryOverBalance: '19200000.00' } },
      { code: 'budget-adjustment-rate', amounts: { adjustmentAmount: '12000000.00' } },
      {
        code: 'procurement-execution-rate',
        amounts: { procurementActual: '18000000.00', procurementPlanned: '18500000.00' },
        deviationReason: '节支',
      },
      { code: 'three-public-change-rate', amounts: { threePublicCurrent: '412300.00', threePublicPrevious: '436800.00' } },
      { code: 'fund-management', band: 'achieved' },
      { code: 'procurement-management', band: 'achieved' },
      { code: 'asset-management', band: 'achieved' },
      { code: 'disclosure', band: 'achieved' },
      { code: 'performance-management', band: 'achieved' },
    ],
    narrative: { problems: [], measures: [] },
  } as WorkbookJson;
}
