import { type Block, chineseDate, formatDecimal, formatPoints, parseDecimal, parsePoints, targets } from '@jixiao/core';
import { renderDocx } from '../report/docx.ts';

/** What the report shows; the server's assessment view has this shape. */
export interface ExAnteReportSheet {
  readonly organisationName: string;
  readonly projectCode: string;
  readonly projectName: string;
  readonly fiscalYear: number;
  readonly funds: string;
  readonly total: string;
  readonly conclusion: 'support' | 'adjust' | 'reject' | null;
  readonly concludedAt: string | null;
  readonly opinion: string | null;
  readonly explanation: string;
  readonly cutOffs: { readonly support: string; readonly adjust: string };
  readonly grades: readonly { readonly grade: 'excellent' | 'good' | 'fair' | 'poor'; readonly share: string }[];
  readonly dimensions: readonly {
    readonly name: string;
    readonly points: string;
    readonly score: string;
    readonly items: readonly {
      readonly name: string;
      readonly points: string;
      readonly grade: 'excellent' | 'good' | 'fair' | 'poor' | null;
      readonly score: string | null;
      readonly opinion: string | null;
    }[];
  }[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The Beijing calendar date of an instant (the reviewers' day, whatever the server's zone). */
const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** A share as a percentage: "0.8" → "80%". */
function percent(share: string): string {
  const value = parseDecimal(share);
  return value ? `${formatDecimal(targets.scaleDecimal(value, { units: 100n, scale: 0 }))}%` : share;
}

/**
 * 事前绩效评估报告 as .docx: the project, the score table by dimension and sub-item with each grade and
 * opinion, the total and the conclusion. Laid out by the report renderer, so it prints like the 自评报告.
 */
export async function writeExAnteDocx(sheet: ExAnteReportSheet): Promise<Uint8Array> {
  const conclusion = sheet.conclusion ? targets.EX_ANTE_CONCLUSION_LABEL[sheet.conclusion].zh : '尚未形成结论';
  const rows = sheet.dimensions.flatMap((dimension) =>
    dimension.items.map((item) => [
      `${dimension.name}（${dimension.points}分）`,
      item.name,
      item.points,
      item.grade ? targets.EX_ANTE_GRADE_LABEL[item.grade].zh : '未评',
      item.score ?? '',
      item.opinion ?? '',
    ]),
  );
  const blocks: Block[] = [
    { type: 'title', text: `${sheet.projectName}事前绩效评估报告` },
    {
      type: 'fields',
      rows: [
        ['项目名称', sheet.projectName],
        ['项目编码', sheet.projectCode],
        ['实施单位', sheet.organisationName],
        ['预算年度', `${sheet.fiscalYear}年`],
        ['申请资金', `${sheet.funds}元`],
        ['评估结论', conclusion],
        ...(sheet.concludedAt ? [['结论日期', chineseDate(beijingDate(sheet.concludedAt))] as const] : []),
      ],
    },
    { type: 'heading', level: 1, text: '一、评估结论' },
    { type: 'paragraph', text: `${sheet.explanation}。` },
    ...(sheet.opinion ? [{ type: 'paragraph' as const, text: `评估意见：${sheet.opinion}` }] : []),
    { type: 'heading', level: 1, text: '二、分项评估情况' },
    ...sheet.dimensions.map(
      (dimension, index): Block => ({
        type: 'paragraph',
        text: `（${NUMERALS[index] ?? index + 1}）${dimension.name}：满分 ${dimension.points} 分，得 ${dimension.score} 分。`,
      }),
    ),
    {
      type: 'table',
      caption: '附表：事前绩效评估评分表',
      columns: [
        { title: '评估维度', width: 3 },
        { title: '评估要点', width: 3 },
        { title: '分值', width: 1.2, align: 'right' },
        { title: '评级', width: 1, align: 'center' },
        { title: '得分', width: 1.2, align: 'right' },
        { title: '意见', width: 5 },
      ],
      rows: [
        ...rows,
        [
          '合计',
          '',
          formatPoints(sheet.dimensions.reduce((sum, dimension) => sum + (parsePoints(dimension.points) ?? 0), 0)),
          '',
          sheet.total,
          conclusion,
        ],
      ],
      mergeColumns: [0],
      totalRow: true,
    },
    {
      type: 'note',
      text: `评级系数：${sheet.grades.map((entry) => `${targets.EX_ANTE_GRADE_LABEL[entry.grade].zh} ${percent(entry.share)}`).join('、')}；总分不低于 ${sheet.cutOffs.support} 分予以支持，不低于 ${sheet.cutOffs.adjust} 分调整后支持，低于 ${sheet.cutOffs.adjust} 分不予支持。`,
    },
  ];
  return renderDocx({
    title: `${sheet.projectName}事前绩效评估报告`,
    blocks,
    meta: { organisation: sheet.organisationName, fiscalYear: sheet.fiscalYear, kind: 'project', total: sheet.total, grade: conclusion },
  });
}
