import { z } from 'zod';

/**
 * Chinese messages for validation issues, shared by the workbook parser and the server so a
 * preparer sees the same wording everywhere. Falls back to zod's own zh-CN locale.
 */
const fallback = z.locales.zhCN().localeError;

const TYPE_NAME: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
};

export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  // A field that is simply absent is "必填", whatever type or choice it would have needed.
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union'))
    return '必填';
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAME[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return '不能为空';
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return `至少 ${String(issue.minimum)} 个字符`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((value) => String(value)).join('、')}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      if (issue.format === 'regex') return '格式不正确';
      return `格式不正确（应为 ${issue.format}）`;
    default:
      return fallback(issue);
  }
};

export interface FieldIssue {
  /** JSON path such as "indicators[3].target"; empty for the document itself. */
  readonly path: string;
  readonly message: string;
}

/** "indicators", 3, "target" → "indicators[3].target" */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
