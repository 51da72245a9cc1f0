import type { Block } from '@jixiao/core';
import { renderDocx } from '../report/docx.ts';
import { type DeclarationSheet, declarationForm } from './declaration-form.ts';

/**
 * The 绩效目标申报表 as .docx, laid out by the report renderer on landscape A4 (the indicator table has
 * fourteen columns): the header block and funds as a two-column table, the goals, the indicator table
 * with 一级 / 二级 merged down, and on the internal copy the review opinions.
 */
export async function writeDeclarationDocx(sheet: DeclarationSheet): Promise<Uint8Array> {
  const form = declarationForm(sheet);
  const pairs = (caption: string, rows: readonly (readonly [string, string])[]): Block => ({
    type: 'table',
    caption,
    columns: [
      { title: '项目', width: 2 },
      { title: '内容', width: 10 },
    ],
    rows: rows.map(([label, value]) => [label, value]),
  });
  const blocks: Block[] = [
    // The break first: the whole form prints landscape, as the renderer prints its appendix tables.
    { type: 'page-break' },
    { type: 'title', text: `${form.title}${form.subtitle}` },
    ...(form.note ? [{ type: 'note' as const, text: form.note }] : []),
    pairs('基本信息', form.header),
    pairs('资金情况（万元）', form.funds),
    pairs('绩效目标', form.goals),
    { type: 'table', caption: '绩效指标', columns: form.columns, rows: form.rows, mergeColumns: [0, 1] },
    ...(form.opinions.length > 0
      ? [
          { type: 'heading' as const, level: 1 as const, text: '审核意见' },
          ...form.opinions.map((text) => ({ type: 'paragraph' as const, text })),
        ]
      : []),
  ];
  const name = sheet.projectName ?? sheet.department;
  return renderDocx({
    title: `${name}${form.title}`,
    blocks,
    meta: {
      organisation: sheet.implementingUnit,
      fiscalYear: sheet.fiscalYear,
      kind: sheet.kind,
      total: '',
      grade: sheet.approved ? '已批复' : sheet.statusLabel,
    },
  });
}
