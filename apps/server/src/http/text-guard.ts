import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldDetail, validationFailed } from '../errors.ts';

/**
 * PostgreSQL cannot store U+0000 in text (22021) nor a lone UTF-16 surrogate in jsonb (22P05); left to
 * the database, such a string is a fault after the work is done. Every string of the parsed request is
 * checked once, before validation, so the answer is a 400 naming the field.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const details = unstorableText(request);
    if (details.length > 0) throw validationFailed(details, `提交的内容有误：${details.map((d) => `${d.path} ${d.message}`).join('；')}`);
  });
}

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A body deeper than this is not a form; stop walking rather than overflow the stack. */
const MAX_DEPTH = 64;

export function textProblem(text: string): string | null {
  if (text.includes(NUL)) return '含有空字符（U+0000），无法保存，请删除后重新提交';
  if (LONE_SURROGATE.test(text)) return '含有不完整的 Unicode 字符（孤立代理项），无法保存，请重新输入';
  return null;
}

function unstorableText(request: FastifyRequest): FieldDetail[] {
  const details: FieldDetail[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (details.length >= 20) return;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) details.push({ path, message: problem });
    } else if (Array.isArray(value)) {
      if (depth < MAX_DEPTH)
        value.forEach((item, index) => {
          visit(item, `${path}[${index}]`, depth + 1);
        });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      if (depth >= MAX_DEPTH) return;
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = textProblem(key);
        if (keyProblem) details.push({ path: `${path}.${JSON.stringify(key)}`, message: `字段名${keyProblem}` });
        else visit(item, `${path}.${key}`, depth + 1);
      }
    }
  };
  visit(request.params, 'params', 0);
  visit(request.query, 'querystring', 0);
  visit(request.body, 'body', 0);
  return details;
}
