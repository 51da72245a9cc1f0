import { type FieldIssue, formatPath, zhWorkbookErrorMap } from '../validation/zh-errors.ts';
import { toWorkbook, type Workbook, workbookSchema } from './schema.ts';

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** Chinese names of workbook fields, keyed by the last path segment; used in every message. */
export const FIELD_LABEL: Readonly<Record<string, string>> = {
  format: '格式标识',
  version: '格式版本',
  kind: '评价类型',
  fiscalYear: '预算年度',
  scheme: '评分方案',
  organisation: '基本信息',
  name: '名称',
  subordinateUnitCount: '所属下级预算单位数量',
  subordinateUnits: '下级预算单位',
  preparer: '填报人',
  phone: '联系电话',
  filledOn: '填报日期',
  project: '项目信息',
  goals: '绩效目标',
  indicators: '绩效指标',
  id: '编号',
  goalId: '所属目标',
  level1: '一级指标',
  level2: '二级指标',
  direction: '方向',
  target: '目标值',
  unit: '单位',
  actual: '实际完成值',
  targetText: '目标值表述',
  actualText: '完成值表述',
  lastYearActual: '上年实际值',
  weight: '分值',
  notApplicable: '不适用',
  deviationReason: '偏差原因',
  dataSource: '数据来源',
  band: '定性档次',
  qualitativeScore: '定性得分',
  adjustment: '评价人调整',
  score: '得分',
  reason: '理由',
  declaredScore: '填报得分',
  adjustedTarget: '调整指标值',
  adjustedTargetText: '调整指标值表述',
  scoreCoefficient: '得分系数',
  isCore: '是否核心指标',
  qualitativeScales: '定性档次序列',
  completionWords: '任务完成表述',
  budget: '预算执行',
  initial: '年初预算数',
  carryOver: '上年结转',
  adjusted: '全年预算数',
  executed: '全年执行数',
  executionReason: '执行率偏低原因',
  management: '管理效率',
  amounts: '金额',
  code: '编码',
  declaredTotal: '填报总分',
  narrative: '报告文字',
  problems: '存在的主要问题',
  measures: '下一步改进措施',
  text: '目标内容',
  summary: '目标简述',
};

export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const key = path[index];
    if (typeof key === 'string') return FIELD_LABEL[key];
  }
  return undefined;
}

/**
 * Validates a workbook object (already JSON-decoded). Every issue names its JSON path and, in
 * Chinese, the indicator (goal, 管理效率 item) by its id and name, the field, the value read and
 * how to write it: `indicators[3].target：指标 O4“企业覆盖数”的目标值：读到“不少于200家”：…`.
 */
export function parseWorkbook(data: unknown): ParseResult<Workbook> {
  const result = workbookSchema.safeParse(data, { error: zhWorkbookErrorMap });
  if (result.success) return { ok: true, value: toWorkbook(result.data) };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const label = fieldLabel(issue.path);
      const owner = ownerOf(data, issue.path);
      const field = label && !(owner && issue.path.length === 2) ? `${adjustmentOf(issue.path)}${label}` : undefined;
      const where = owner ? `${owner}${field ? `的${field}` : ''}` : field;
      return { path: formatPath(issue.path), message: where ? `${where}：${issue.message}` : issue.message, reason: issue.message };
    }),
  };
}

/** The list entries a message can name, with the member that identifies each and how it is called. */
const OWNERS: Readonly<Record<string, { noun: string; key: string }>> = {
  indicators: { noun: '指标', key: 'id' },
  goals: { noun: '目标', key: 'id' },
  management: { noun: '管理效率项目', key: 'code' },
};

/** "指标 O4“企业覆盖数”" for a path inside indicators[3]; the 1-based position when the id itself is missing or bad. */
function ownerOf(data: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  const owner = typeof list === 'string' ? OWNERS[list] : undefined;
  if (!owner || typeof index !== 'number') return undefined;
  const entry = (data as Record<string, unknown> | null)?.[list as string];
  const item = Array.isArray(entry) ? (entry[index] as Record<string, unknown> | undefined) : undefined;
  const id = typeof item?.[owner.key] === 'string' && item[owner.key] ? String(item[owner.key]).trim() : undefined;
  const name = list === 'indicators' && typeof item?.name === 'string' && item.name.trim() ? `“${item.name.trim()}”` : '';
  return id ? `${owner.noun} ${id}${name || ' '}` : `第 ${index + 1} 个${owner.noun}${name}`;
}

/** The evaluator's adjustment has its own 得分 and 理由, to be told apart from the line's. */
function adjustmentOf(path: readonly PropertyKey[]): string {
  return path.includes('adjustment') || path.includes('executionAdjustment') ? '评价人调整' : '';
}

/** Decodes JSON text first; a syntax error is reported with its position. */
export function parseWorkbookJson(text: string): ParseResult<Workbook> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '', message: `不是有效的 JSON：${detail}` }] };
  }
  return parseWorkbook(data);
}
