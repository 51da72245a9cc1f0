import { type FieldIssue, formatPath, zhErrorMap } from '../validation/zh-errors.ts';
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

/** Validates a workbook object (already JSON-decoded). Every issue names its JSON path and says why in Chinese. */
export function parseWorkbook(data: unknown): ParseResult<Workbook> {
  const result = workbookSchema.safeParse(data, { error: zhErrorMap });
  if (result.success) return { ok: true, value: toWorkbook(result.data) };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const label = fieldLabel(issue.path);
      return { path: formatPath(issue.path), message: label ? `${label}：${issue.message}` : issue.message };
    }),
  };
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
