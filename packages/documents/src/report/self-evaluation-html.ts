import type { SelfEvaluationTable } from '@jixiao/core';
import { selfEvaluationCells } from './self-evaluation-xlsx.ts';

const escapeText = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The same 部门整体 / 项目支出绩效自评表 as the .xlsx (财预〔2020〕10号 附件 layout: header block, one row per
 * 三级指标, the total with the grade, the note), as a whole printable page for Chromium's PDF, landscape A4.
 * Both files are written from the one table frozen at publication, so they cannot disagree.
 */
export function renderSelfEvaluationHtml(table: SelfEvaluationTable): string {
  const columns = [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    ...(table.adjusted ? ['调整后指标值'] : []),
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ];
  const span = columns.length - 2;
  const field = (label: string, value: string) =>
    `<tr><th colspan="2" class="label">${escapeText(label)}</th><td colspan="${span}">${escapeText(value).replace(/\n/g, '<br>')}</td></tr>`;
  const goals = table.goals.map((goal, index) => (table.goals.length > 1 ? `${index + 1}. ${goal}` : goal)).join('\n');
  const rows = table.rows.map((line) =>
    selfEvaluationCells(table, line)
      .map(
        (cell, index) => `<td${index >= columns.length - 3 && index < columns.length - 1 ? ' class="num"' : ''}>${escapeText(cell)}</td>`,
      )
      .join(''),
  );
  const blanks = table.adjusted ? 3 : 2;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeText(table.title)}</title><style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #000; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 2mm; }
p.year { text-align: center; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
th, td { border: 0.5pt solid #000; padding: 1.5mm 2mm; vertical-align: middle; text-align: left; }
th { font-weight: bold; }
th.label { width: 18%; }
td.num { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
p.note { font-size: 9pt; margin-top: 3mm; }
</style></head><body>
<h1>${escapeText(table.title)}</h1><p class="year">（${table.fiscalYear}年度）</p>
<table><tbody>
${table.projectName !== null ? field('项目名称', table.projectName) : ''}
${field(table.kind === 'department' ? '部门名称' : '实施单位', table.organisation)}
${field(
  '预算执行情况（万元）',
  `全年预算数 ${table.budget.adjusted}（年初预算数 ${table.budget.initial}）；全年执行数 ${table.budget.executed}；执行率 ${table.budget.rate ?? '—'}`,
)}
${field('年度总体目标', goals)}
${field('总体完成情况', table.completion)}
<tr>${columns.map((title) => `<th>${title}</th>`).join('')}</tr>
${rows.map((cells) => `<tr>${cells}</tr>`).join('\n')}
<tr><th>合计</th>${'<th></th>'.repeat(blanks + 2)}<th class="num">${escapeText(table.totalWeight)}</th><th class="num">${escapeText(table.total)}</th><th>评价等级：${escapeText(table.grade)}</th></tr>
</tbody></table>
<p class="note">注：计分规则与评价等级依据《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号）；本表为公开时冻结的自评结果。</p>
</body></html>`;
}
