import { z } from 'zod';
import { workbookSchema } from './schema.ts';

/** The published JSON Schema of the workbook (docs/evaluation-workbook.schema.json), generated, never hand-edited. */
export function workbookJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(workbookSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/jixiao/jixiao/docs/evaluation-workbook.schema.json',
    title: 'Jixiao 绩效自评工作簿 (evaluation workbook) v1',
    description:
      '一次绩效自评的全部数据：基本信息、绩效目标、绩效指标、预算执行、管理效率与报告文字。金额为文本（元，最多两位小数）。See docs/workbook.md.',
  };
}
