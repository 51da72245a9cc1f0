import {
  buildReportModel,
  type Evaluation,
  evaluateWorkbook,
  type Finding,
  formatPoints,
  hasBlocking,
  PART_LABEL,
  presentEvaluation,
  type SchemeId,
  sortFindings,
  type Workbook,
} from '@jixiao/core';
import { renderDocx, renderHtml } from '@jixiao/documents';
import { writeFileAtomic } from '../files.ts';
import { EXIT, type ExitCode, type Output } from '../io.ts';
import { findingProblem, loadWorkbook, type Problem } from '../load.ts';
import { renderTable } from '../table.ts';

export interface EvaluateOptions {
  readonly file: string;
  readonly scheme?: SchemeId | undefined;
  readonly json: boolean;
  readonly docx?: string | undefined;
  readonly html?: string | undefined;
  readonly all: boolean;
}

export async function evaluateCommand(options: EvaluateOptions, out: Output): Promise<ExitCode> {
  const loaded = await loadWorkbook(options.file);
  if (!loaded.ok) return reportInvalid(loaded.problems, options.json, out);
  const { evaluation } = evaluateWorkbook(loaded.workbook, options.scheme);
  if (hasBlocking(evaluation.findings)) {
    return reportInvalid(evaluation.findings.filter((entry) => entry.blocking).map(findingProblem), options.json, out);
  }
  out.stdout.write(
    options.json
      ? `${JSON.stringify(presentEvaluation(evaluation), null, 2)}\n`
      : `${scoreReport(loaded.workbook, evaluation, options.all)}\n`,
  );
  if (options.docx || options.html) {
    const model = buildReportModel(loaded.workbook.input, evaluation);
    if (options.docx) {
      await writeFileAtomic(options.docx, await renderDocx(model));
      out.stderr.write(`已生成 Word 报告：${options.docx}\n`);
    }
    if (options.html) {
      await writeFileAtomic(options.html, renderHtml(model));
      out.stderr.write(`已生成网页报告：${options.html}\n`);
    }
  }
  return EXIT.ok;
}

/**
 * Refused input: the lines go to stderr for a person; with --json the same problems go to stdout as
 * `{ "ok": false, "problems": [...] }`, so a script reads why without parsing Chinese text.
 */
export function reportInvalid(problems: readonly Problem[], json: boolean, out: Output): ExitCode {
  if (json) out.stdout.write(`${JSON.stringify({ ok: false, problems }, null, 2)}\n`);
  out.stderr.write(`输入有误（${problems.length} 处），未生成任何结果：\n`);
  for (const problem of problems) out.stderr.write(`  - ${problem.text}\n`);
  return EXIT.invalid;
}

function scoreReport(workbook: Workbook, evaluation: Evaluation, all: boolean): string {
  const input = workbook.input;
  const heading = `${input.organisation.name} ${input.fiscalYear}年度 ${input.kind === 'department' ? '部门整体支出' : `项目支出（${input.project?.name ?? ''}）`}绩效自评`;
  const rows = evaluation.items.map((item, index) => [
    String(index + 1),
    PART_LABEL[item.part],
    item.name,
    // An approved 调整指标值 is the target scored against; the original is kept beside it.
    item.adjustedTarget ? `${item.target ?? '—'}→${item.adjustedTarget}` : (item.target ?? '—'),
    item.actual ?? '—',
    formatPoints(item.weight),
    item.final === null ? '不适用' : formatPoints(item.final),
    item.adjustmentExplanation ? `${item.explanation.text}；${item.adjustmentExplanation.text}` : item.explanation.text,
  ]);
  const table = renderTable(
    [
      { title: '#', align: 'right' },
      { title: '类别' },
      { title: '指标', maxWidth: 34 },
      { title: '目标值', maxWidth: 18 },
      { title: '实际值', maxWidth: 18 },
      { title: '分值', align: 'right' },
      { title: '得分', align: 'right' },
      { title: '计算过程', maxWidth: 90 },
    ],
    rows,
  );
  const parts = evaluation.parts.map((part) => `${part.label} ${formatPoints(part.final)}/${formatPoints(part.weight)}`).join('，');
  const totals =
    evaluation.total.computed === evaluation.total.final
      ? `总分 ${formatPoints(evaluation.total.final)}，等级 ${evaluation.grade.final}`
      : `总分 ${formatPoints(evaluation.total.final)}（计算得分 ${formatPoints(evaluation.total.computed)}，经评价人调整），等级 ${evaluation.grade.final}`;
  return [
    heading,
    `评分方案：${evaluation.scheme.name}（${evaluation.scheme.id} ${evaluation.scheme.version}）`,
    '',
    table,
    '',
    `${parts}`,
    evaluation.totalExplanation.text,
    totals,
    '',
    findingsText(evaluation.findings, all),
  ].join('\n');
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export function findingsText(findings: readonly Finding[], all: boolean): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const entry of findings) counts[entry.severity] += 1;
  const lines = [`校验发现：错误 ${counts.error} 条，警告 ${counts.warning} 条，提示 ${counts.info} 条`];
  for (const entry of sortFindings(findings)) {
    if (entry.severity === 'info' && !all) continue;
    lines.push(`  [${SEVERITY_LABEL[entry.severity]}] ${entry.code} ${entry.message}`);
  }
  if (!all && counts.info > 0) lines.push(`  （另有 ${counts.info} 条提示，加 --all 查看）`);
  return lines.join('\n');
}
