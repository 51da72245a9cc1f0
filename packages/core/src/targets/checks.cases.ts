import type { FindingCode } from '../checks/findings.ts';
import { parseDecimal } from '../numbers/decimal.ts';
import type { DeclarationCheckContext } from './checks.ts';
import type { DeclaredIndicator } from './model.ts';
import { peerStatistics } from './suggest.ts';

/** One indicator line on an otherwise complete declaration, and the per-indicator codes it must raise. */
export interface DeclarationCase {
  readonly name: string;
  readonly line: Partial<DeclaredIndicator>;
  readonly context?: DeclarationCheckContext;
  readonly codes: readonly FindingCode[];
  /** The first finding's Chinese message, where the wording matters. */
  readonly message?: string;
}

const d = (text: string) => parseDecimal(text);
const peers = (...values: string[]) => ({ peerTargets: new Map([['lib-charging', values]]) });
/** QUARTILE.INC over 50…250 in steps of 50: Q1 100 (position 1), median 150, Q3 200; the band is [50, 400]. */
const FIVE_PEERS = peers('250', '50', '150', '100', '200');
/** The same five peers as statistics computed elsewhere (the server's SQL sends ranks, not lists). */
function statisticsOf(...values: string[]) {
  const stats = peerStatistics(values.flatMap((text) => parseDecimal(text) ?? []));
  if (!stats) throw new Error('no peers');
  return stats;
}
const FIVE_PEER_STATISTICS = { peerTargetStatistics: new Map([['lib-charging', statisticsOf('250', '50', '150', '100', '200')]]) };

export const DECLARATION_CASES: readonly DeclarationCase[] = [
  { name: 'a clean quantitative line', line: {}, codes: [] },
  {
    name: 'a vague qualitative target',
    line: { nature: 'qualitative', direction: 'qualitative', target: undefined, unit: undefined, targetText: '服务水平进一步提高' },
    codes: ['DECLARATION_VAGUE_TARGET'],
    message: '指标“新增充电桩”目标值“服务水平进一步提高”含“进一步”等模糊表述且无具体数值，无法衡量完成情况；请写明可衡量的数值或标准',
  },
  {
    name: 'a vague word with a number is measurable',
    line: { targetText: '较上年有所提升，≥150个' },
    codes: [],
  },
  {
    name: 'a quantitative line whose only target is a phrase',
    line: { target: undefined, targetText: '显著增加' },
    codes: ['DECLARATION_VAGUE_TARGET', 'MISSING_TARGET'],
  },
  { name: 'a quantitative line without unit', line: { unit: '' }, codes: ['MISSING_UNIT'] },
  {
    name: 'a qualitative nature with a numeric direction',
    line: { nature: 'qualitative', direction: '>=' },
    codes: ['DECLARATION_NATURE_DIRECTION_MISMATCH'],
    message: '指标“新增充电桩”指标性质为“定性”，方向却为“≥”，两者应一致',
  },
  {
    name: 'a quantitative nature with the qualitative direction',
    line: { direction: 'qualitative' },
    codes: ['DECLARATION_NATURE_DIRECTION_MISMATCH'],
  },
  {
    name: 'money put in as an output',
    line: { name: '项目资金投入', unit: '万元', target: d('500') },
    codes: ['DECLARATION_INPUT_AS_OUTPUT'],
    message: '产出指标“项目资金投入”计量单位为“万元”，以资金投入作为产出；投入不能作为绩效目标，请改为实际产出（数量、质量、时效）',
  },
  {
    name: 'a cost indicator written as ≥',
    line: { level2: 'cost', name: '单桩建设成本', unit: '万元', target: d('2.5') },
    codes: ['DECLARATION_COST_AT_LEAST'],
    message: '成本指标“单桩建设成本”方向为“≥”（目标值 2.5），成本指标应设为“≤”上限，否则花得越多越达标',
  },
  { name: 'a cost ceiling', line: { level2: 'cost', name: '单桩建设成本', unit: '万元', direction: '<=' }, codes: [] },
  {
    name: 'a hollow effect indicator',
    line: { level1: 'effect', level2: 'social', name: '群众出行便利度提升率', unit: '%', target: d('98'), dataSource: '无' },
    codes: ['DECLARATION_HOLLOW_EFFECT'],
    message: '效益指标“群众出行便利度提升率”目标值 98% 达到 95% 以上，但未填写完成值数据来源（填写为“无”），无法衡量',
  },
  {
    name: 'the same effect indicator with a source',
    line: { level1: 'effect', level2: 'social', name: '群众出行便利度提升率', unit: '%', target: d('98'), dataSource: '交通部门统计' },
    codes: [],
  },
  {
    name: 'an effect target just under the hollow threshold',
    line: { level1: 'effect', level2: 'social', name: '覆盖率', unit: '%', target: d('94.99') },
    codes: [],
  },
  {
    name: 'the hollow threshold is configurable',
    line: { level1: 'effect', level2: 'social', name: '覆盖率', unit: '%', target: d('90') },
    context: { options: { hollowPercent: 90 } },
    codes: ['DECLARATION_HOLLOW_EFFECT'],
  },
  {
    name: 'a ≥ target below last year’s actual',
    line: { target: d('150'), lastYearActual: d('168') },
    codes: ['DECLARATION_TARGET_WEAKER_THAN_LAST_YEAR'],
    message: '指标“新增充电桩”（≥）目标值 150 低于上年实际值 168，目标值偏松；请说明原因',
  },
  { name: 'a ≥ target equal to last year’s actual', line: { target: d('168'), lastYearActual: d('168.00') }, codes: [] },
  {
    name: 'a ≤ target above last year’s actual',
    line: { level2: 'cost', name: '单桩建设成本', unit: '万元', direction: '<=', target: d('2.6'), lastYearActual: d('2.5') },
    codes: ['DECLARATION_TARGET_WEAKER_THAN_LAST_YEAR'],
    message: '指标“单桩建设成本”（≤）目标值 2.6 高于上年实际值 2.5，目标值偏松；请说明原因',
  },
  { name: 'an = target is not compared with last year', line: { direction: '=', lastYearActual: d('168') }, codes: [] },
  {
    name: 'a target above Q3 × 2 of five peers',
    line: { libraryEntryId: 'lib-charging', target: d('400.5') },
    context: FIVE_PEERS,
    codes: ['DECLARATION_TARGET_FAR_FROM_PEERS'],
    message:
      '指标“新增充电桩”目标值 400.5 超出同类 5 个项目的合理区间 [50, 400]（下四分位数 100、中位数 150、上四分位数 200）；请核实或说明原因',
  },
  {
    name: 'a target at Q3 × 2 is inside the band',
    line: { libraryEntryId: 'lib-charging', target: d('400') },
    context: FIVE_PEERS,
    codes: [],
  },
  {
    name: 'a target at Q1 ÷ 2 is inside the band',
    line: { libraryEntryId: 'lib-charging', target: d('50') },
    context: FIVE_PEERS,
    codes: [],
  },
  {
    name: 'a target below Q1 ÷ 2',
    line: { libraryEntryId: 'lib-charging', target: d('49.9') },
    context: FIVE_PEERS,
    codes: ['DECLARATION_TARGET_FAR_FROM_PEERS'],
  },
  {
    name: 'statistics given instead of the list: above the band',
    line: { libraryEntryId: 'lib-charging', target: d('400.5') },
    context: FIVE_PEER_STATISTICS,
    codes: ['DECLARATION_TARGET_FAR_FROM_PEERS'],
  },
  {
    name: 'statistics given instead of the list: inside the band',
    line: { libraryEntryId: 'lib-charging', target: d('400') },
    context: FIVE_PEER_STATISTICS,
    codes: [],
  },
  {
    name: 'four peers are too few to compare',
    line: { libraryEntryId: 'lib-charging', target: d('1000') },
    context: peers('100', '125', '150', '175'),
    codes: [],
  },
  {
    name: 'the peer factor is configurable',
    line: { libraryEntryId: 'lib-charging', target: d('300.01') },
    context: { ...FIVE_PEERS, options: { peerFactor: '1.5' } },
    codes: ['DECLARATION_TARGET_FAR_FROM_PEERS'],
  },
  {
    name: 'peers of another library entry do not count',
    line: { libraryEntryId: 'lib-other', target: d('1000') },
    context: FIVE_PEERS,
    codes: [],
  },
  {
    name: 'a core indicator without 评（扣）分标准',
    line: { core: true },
    codes: ['DECLARATION_CORE_WITHOUT_SCORING_RULE'],
    message: '核心指标“新增充电桩”未填写评（扣）分标准',
  },
  { name: 'a core indicator with one', line: { core: true, scoringRule: '每少1个扣0.5分' }, codes: [] },
  {
    name: '设定依据 其他 without text',
    line: { basis: 'other', basisText: '  ' },
    codes: ['DECLARATION_BASIS_OTHER_WITHOUT_TEXT'],
    message: '指标“新增充电桩”设定依据为“其他”，未说明具体依据',
  },
  { name: '设定依据 其他 with text', line: { basis: 'other', basisText: '区政府常务会议纪要' }, codes: [] },
];
