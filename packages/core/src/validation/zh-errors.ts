import { z } from 'zod';
import { readAs } from './advice.ts';

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

export const zhErrorMap: z.core.$ZodErrorMap = (issue) => zhMessage(issue, false);

/**
 * The same messages, each also saying what was read and how to write it, for the workbook: a
 * preparer finds the value in the file. Not for the API in general, where a refused value may be
 * a password.
 */
export const zhWorkbookErrorMap: z.core.$ZodErrorMap = (issue) => zhMessage(issue, true);

function zhMessage(issue: Parameters<z.core.$ZodErrorMap>[0], showInput: boolean) {
  // A field that is simply absent is "必填", whatever type or choice it would have needed.
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union'))
    return '必填';
  const read = !showInput || issue.input === undefined ? '' : `，${readAs(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAME[issue.expected] ?? issue.expected}${read}${showInput ? typeHint(issue.expected, issue.input) : ''}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return '不能为空';
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return `至少 ${String(issue.minimum)} 个字符${read}`;
      return `不能小于 ${String(issue.minimum)}${read}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}${read}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((value) => String(value)).join('、')}${read}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}${showInput ? '（请检查拼写）' : ''}`;
    case 'invalid_format':
      if (issue.format === 'regex') return `格式不正确${read}`;
      return `格式不正确（应为 ${issue.format}）${read}`;
    default:
      return fallback(issue);
  }
}

/** How to write a value given in the wrong JSON type: "2024" for a number, 1 for 是/否. */
function typeHint(expected: string, input: unknown): string {
  if ((expected === 'number' || expected === 'int') && typeof input === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(input)) {
    return `；请去掉引号，写作 ${input.trim()}`;
  }
  if (expected === 'boolean') return '；请写作 true（是）或 false（否），不加引号';
  if (expected === 'string' && typeof input === 'number') return `；请加上引号，写作 "${String(input)}"`;
  return '';
}

export interface FieldIssue {
  /** JSON path such as "indicators[3].target"; empty for the document itself. */
  readonly path: string;
  /** The whole message: which indicator (by id and name) and field, the value read and why. */
  readonly message: string;
  /** Only the why, for a reader that names the place itself (an .xlsx cell); the message when absent. */
  readonly reason?: string;
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
