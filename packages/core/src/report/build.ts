import { type Finding, type FindingCode, findingDefinition } from '../checks/findings.ts';
import { type EvaluationInput, type Indicator, LEVEL1_LABEL, LEVEL2_LABEL, type Level1 } from '../model.ts';
import { formatWanYuan } from '../numbers/money.ts';
import { formatPoints } from '../numbers/points.ts';
import type { Evaluation, ScoredItem } from '../scoring/evaluation.ts';
import { fundingLines } from '../scoring/funding.ts';
import { RULES } from '../scoring/rules.ts';
import type { Block, ReportModel } from './model.ts';
import { chineseDate, indicatorSentence, punctuateList } from './sentence.ts';

const ILLUSTRATIVE_MARK = '*';

/**
 * Builds the self-evaluation report in the structure of the reference report (部门整体支出绩效自评表说明):
 * header fields; 一、绩效自评情况 (goals, conclusion, 履职效能分析, 管理效率分析); 二、存在的主要问题;
 * 三、下一步改进措施; and the appendix score tables. Pure: the same input and evaluation give the same report.
 */
export function buildReportModel(input: EvaluationInput, evaluation: Evaluation): ReportModel {
  const isDepartment = input.kind === 'department';
  const total = formatPoints(evaluation.total.final);
  const blocks: Block[] = [];
  const title = isDepartment ? '部门整体支出绩效自评表说明' : '项目支出绩效自评表说明';
  blocks.push({ type: 'title', text: title });
  blocks.push({ type: 'fields', rows: headerFields(input) });

  blocks.push({ type: 'heading', level: 1, text: '一、绩效自评情况' });
  blocks.push({ type: 'heading', level: 2, text: isDepartment ? '（一）部门整体支出绩效目标' : '（一）项目绩效目标' });
  punctuateList(input.goals.map((goal) => goal.text)).forEach((text, index) => {
    blocks.push({ type: 'paragraph', text: input.goals.length > 1 ? `${index + 1}. ${text}` : text });
  });

  blocks.push({ type: 'heading', level: 2, text: '（二）自评结论' });
  blocks.push({ type: 'paragraph', text: conclusion(input, evaluation) });

  blocks.push({ type: 'heading', level: 2, text: isDepartment ? '（三）履职效能分析' : '（三）绩效指标完成情况分析' });
  blocks.push({ type: 'paragraph', text: dutyIntro(input) });
  blocks.push(...indicatorAnalysis(input));

  blocks.push({ type: 'heading', level: 2, text: isDepartment ? '（四）管理效率分析' : '（四）预算执行情况分析' });
  blocks.push(...managementAnalysis(input, evaluation));

  const generated = generatedFollowUps(evaluation.findings);
  blocks.push({ type: 'heading', level: 1, text: '二、存在的主要问题' });
  blocks.push(...numbered([...input.narrative.problems, ...generated.problems], '未发现需要说明的问题'));
  blocks.push({ type: 'heading', level: 1, text: '三、下一步改进措施' });
  blocks.push(...numbered([...input.narrative.measures, ...generated.measures], '继续保持现有管理水平'));

  blocks.push({ type: 'page-break' });
  blocks.push(scoreTable(input, evaluation));
  blocks.push({
    type: 'chart',
    title: '得分构成',
    bars: evaluation.parts.map((part) => ({ label: part.label, value: part.final / 100, max: part.weight / 100 })),
  });
  blocks.push(explanationTable(evaluation));
  blocks.push({ type: 'note', text: evaluation.scheme.id === 'department-overall' ? BASIS_NOTE.department : BASIS_NOTE.project });
  if (hasIllustrative(input, evaluation)) {
    blocks.push({ type: 'note', text: `注：标注“${ILLUSTRATIVE_MARK}”的数据为示例数据，并非来自原始资料。` });
  }
  return {
    title,
    blocks,
    meta: { organisation: input.organisation.name, fiscalYear: input.fiscalYear, kind: input.kind, total, grade: evaluation.grade.final },
  };
}

function headerFields(input: EvaluationInput): [string, string][] {
  const organisation = input.organisation;
  const rows: [string, string][] = [];
  if (input.kind === 'department') {
    rows.push(['部门名称', `${organisation.name}（公章）`], ['所属下级预算单位数量', `${organisation.subordinateUnitCount}个`]);
  } else {
    rows.push(['项目名称', input.project?.name ?? ''], ['实施单位', `${input.project?.unit ?? organisation.name}（公章）`]);
  }
  rows.push(['填报人', organisation.preparer], ['联系电话', organisation.phone], ['填报日期', chineseDate(organisation.filledOn)]);
  return rows;
}

/** 自评结论: the preparer's prose, then the score and grade sentence. */
export function conclusion(input: EvaluationInput, evaluation: Evaluation): string {
  const subject = input.kind === 'department' ? '部门整体绩效自评分值' : '项目绩效自评分值';
  const computed = formatPoints(evaluation.total.computed);
  const final = formatPoints(evaluation.total.final);
  const score =
    computed === final
      ? `${subject}为${final}分，评价等级为“${evaluation.grade.final}”。`
      : `按评分规则计算得分为${computed}分，经评价人调整后${subject}为${final}分，评价等级为“${evaluation.grade.final}”。`;
  const prose = input.narrative.conclusion?.trim();
  return prose ? `${prose.replace(/[。.]$/u, '')}，${score}` : score;
}

function dutyIntro(input: EvaluationInput): string {
  const applicable = input.indicators;
  const counts = (['output', 'effect', 'satisfaction'] as Level1[])
    .map((level) => [level, applicable.filter((indicator) => indicator.level1 === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `在${LEVEL1_LABEL[level]}下设置了${count}个三级指标`);
  // A flat form prints no levels; its indicators are counted as they stand.
  const unlevelled = applicable.filter((indicator) => indicator.level1 === undefined).length;
  if (unlevelled > 0) counts.push(`${counts.length > 0 ? '另' : ''}设置了${unlevelled}个绩效指标`);
  const prose = input.narrative.dutyIntro?.trim();
  return `${prose ? `${prose}` : ''}${counts.join('、')}，各项工作任务绩效目标完成情况分析如下：`;
}

function indicatorAnalysis(input: EvaluationInput): Block[] {
  const blocks: Block[] = [];
  const groups: { heading: string; indicators: Indicator[] }[] = [];
  const goalIds = new Set(input.goals.map((goal) => goal.id));
  const linked = input.indicators.some((indicator) => indicator.goalId !== undefined && goalIds.has(indicator.goalId));
  if (input.kind === 'department' && linked) {
    for (const goal of input.goals) {
      groups.push({
        heading: goal.summary ?? firstSentence(goal.text),
        indicators: input.indicators.filter((indicator) => indicator.goalId === goal.id),
      });
    }
    const rest = input.indicators.filter((indicator) => indicator.goalId === undefined || !goalIds.has(indicator.goalId));
    if (rest.length > 0) groups.push({ heading: '其他绩效指标', indicators: rest });
  } else {
    for (const level of ['output', 'effect', 'satisfaction'] as Level1[]) {
      groups.push({
        heading: `${LEVEL1_LABEL[level]}完成情况`,
        indicators: input.indicators.filter((indicator) => indicator.level1 === level),
      });
    }
    groups.push({ heading: '绩效指标完成情况', indicators: input.indicators.filter((indicator) => indicator.level1 === undefined) });
  }
  groups
    .filter((group) => group.indicators.length > 0)
    .forEach((group, index) => {
      blocks.push({ type: 'heading', level: 3, text: `${index + 1}. ${group.heading}` });
      punctuateList(
        group.indicators.map((indicator) => indicatorSentence(indicator) + (indicator.illustrative ? ILLUSTRATIVE_MARK : '')),
      ).forEach((sentence, position) => {
        blocks.push({ type: 'paragraph', text: `（${position + 1}）${sentence}` });
      });
    });
  return blocks;
}

function firstSentence(text: string): string {
  return text.split(/[。；]/u)[0] ?? text;
}

function managementAnalysis(input: EvaluationInput, evaluation: Evaluation): Block[] {
  const blocks: Block[] = [];
  const prose = input.narrative.management?.trim();
  if (prose) blocks.push({ type: 'paragraph', text: prose });
  const budget = input.budget;
  const mark = budget.illustrative ? ILLUSTRATIVE_MARK : '';
  const execution = evaluation.items.find((item) => item.kind === 'execution' || item.id === 'budget-execution-rate');
  const budgetSentence =
    `全年预算数${formatWanYuan(budget.adjusted)}万元${mark}（其中年初预算${formatWanYuan(budget.initial)}万元、上年结转${formatWanYuan(budget.carryOver)}万元），` +
    `全年执行数${formatWanYuan(budget.executed)}万元${mark}` +
    (execution?.actual ? `，预算执行率${execution.actual}` : '') +
    (budget.executionReason ? `。执行中存在的主要情况：${budget.executionReason.replace(/[。.]$/u, '')}` : '') +
    '。';
  blocks.push({ type: 'paragraph', text: budgetSentence });
  if (budget.sources && budget.sources.length > 0) blocks.push(fundingTable(budget, mark));
  const managementItems = evaluation.items.filter((item) => item.kind === 'management' || item.kind === 'execution');
  if (managementItems.length > 0) {
    const notes = new Map(input.management.map((entry) => [entry.code, entry.note]));
    const sentences = managementItems.map((item) => managementSentence(item, notes.get(item.id)));
    punctuateList(sentences).forEach((sentence, index) => {
      blocks.push({ type: 'paragraph', text: `（${index + 1}）${sentence}` });
    });
  }
  return blocks;
}

/** 预算执行情况 by 资金来源, as the forms print it: the total first, each source below with its own rate. */
function fundingTable(budget: EvaluationInput['budget'], mark: string): Block {
  return {
    type: 'table',
    caption: '预算资金执行情况（万元）',
    columns: [
      { title: '资金来源', width: 3 },
      { title: '年初预算数', width: 2, align: 'right' },
      { title: '全年预算数', width: 2, align: 'right' },
      { title: '全年执行数', width: 2, align: 'right' },
      { title: '执行率', width: 2, align: 'right' },
    ],
    rows: fundingLines(budget).map((line) => [
      line.label,
      `${formatWanYuan(line.initial)}${mark}`,
      `${formatWanYuan(line.adjusted)}${mark}`,
      `${formatWanYuan(line.executed)}${mark}`,
      line.rate ?? '—',
    ]),
  };
}

function managementSentence(item: ScoredItem, note: string | undefined): string {
  const mark = item.illustrative ? ILLUSTRATIVE_MARK : '';
  const score = item.final === null ? '不适用，不计分' : `得${formatPoints(item.final)}分（分值${formatPoints(item.weight)}分）`;
  if (item.band !== undefined || item.explanation.rule === 'qualitative.band') {
    return `${item.name}：${note ? `${note.replace(/[。.]$/u, '')}，` : ''}评定为“${item.actual ?? '未评定'}”${mark}，${score}`;
  }
  const target = item.target ? `（目标${item.target}）` : '';
  const reason =
    item.final !== null && item.final < item.weight && item.deviationReason
      ? `，主要原因是${item.deviationReason.replace(/[。.]$/u, '')}`
      : '';
  return `${item.name}${item.actual ?? '未填报'}${mark}${target}，${score}${reason}`;
}

interface FollowUps {
  readonly problems: string[];
  readonly measures: string[];
}

/** The report's generated 问题 and 措施: one line per kind of finding, naming up to five subjects. */
function generatedFollowUps(findings: readonly Finding[]): FollowUps {
  const byCode = new Map<FindingCode, Finding[]>();
  for (const entry of findings) {
    if (!findingDefinition(entry.code).problem) continue;
    byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
  }
  const problems: string[] = [];
  const measures: string[] = [];
  const seenProblems = new Set<string>();
  for (const [code, entries] of byCode) {
    const definition = findingDefinition(code);
    if (!definition.problem || seenProblems.has(definition.problem)) continue;
    seenProblems.add(definition.problem);
    const names = entries
      .filter((entry) => entry.subject.kind === 'indicator' && entry.subject.name)
      .map((entry) => `“${entry.subject.name}”`);
    const listed = names.length > 0 ? `（${names.slice(0, 5).join('、')}${names.length > 5 ? `等${names.length}项` : ''}）` : '';
    problems.push(`${definition.problem}${listed}`);
    if (definition.measure) measures.push(definition.measure);
  }
  return { problems, measures };
}

function numbered(items: readonly string[], fallback: string): Block[] {
  const list = items.length > 0 ? items : [fallback];
  return punctuateList(list).map((text, index) => ({ type: 'paragraph', text: list.length > 1 ? `${index + 1}. ${text}` : text }));
}

const PART_ORDER = ['output', 'effect', 'satisfaction', 'indicators', 'execution', 'management'];
const LEVEL2_ORDER = Object.keys(LEVEL2_LABEL);

/** Table order: by level 1, then level 2, keeping the workbook's order within a level. */
function tableOrder(items: readonly ScoredItem[]): ScoredItem[] {
  const rank = (item: ScoredItem) => PART_ORDER.indexOf(item.part) * 100 + (item.level2 ? LEVEL2_ORDER.indexOf(item.level2) : 0);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** One row of the score table, every cell as printed: shared by 附表1 and the published 自评表 (.xlsx). */
export interface ScoreRow {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly adjustedTarget: string;
  readonly actual: string;
  readonly weight: string;
  readonly score: string;
  readonly reason: string;
}

/** The score table's rows in table order (by level 1, then level 2), without the total row. */
export function scoreRows(input: EvaluationInput, evaluation: Evaluation): ScoreRow[] {
  const indicatorById = new Map(input.indicators.map((indicator) => [indicator.id, indicator]));
  return tableOrder(evaluation.items).map((item) => {
    const indicator = indicatorById.get(item.id);
    const level1 =
      item.kind === 'indicator'
        ? indicator?.level1
          ? LEVEL1_LABEL[indicator.level1]
          : '绩效指标'
        : item.kind === 'execution'
          ? '预算执行'
          : '管理效率';
    const level2 = item.level2
      ? LEVEL2_LABEL[item.level2]
      : item.kind === 'management'
        ? '管理效率指标'
        : item.kind === 'indicator'
          ? '—'
          : '预算执行率';
    const mark = item.illustrative ? ILLUSTRATIVE_MARK : '';
    const score =
      item.final === null
        ? '不适用'
        : item.adjustment
          ? `${formatPoints(item.final)}（计算${formatPoints(item.computed ?? 0)}）`
          : formatPoints(item.final);
    const reason =
      item.status === 'not-applicable'
        ? (item.deviationReason ?? '不适用')
        : item.adjustment
          ? `${item.deviationReason ? `${item.deviationReason}；` : ''}调整理由：${item.adjustment.reason}`
          : (item.deviationReason ?? '');
    return {
      level1,
      level2,
      name: item.name,
      target: item.target ?? '—',
      adjustedTarget: item.adjustedTarget ?? '—',
      actual: `${item.actual ?? '—'}${mark}`,
      weight: formatPoints(item.weight),
      score,
      reason,
    };
  });
}

function scoreTable(input: EvaluationInput, evaluation: Evaluation): Block {
  // 调整指标值 is shown as the forms print it, beside the original, only when an adjustment was approved.
  const withAdjusted = evaluation.items.some((item) => item.adjustedTarget !== undefined);
  const rows = scoreRows(input, evaluation).map((row) => {
    const targets = withAdjusted ? [row.target, row.adjustedTarget] : [row.target];
    return [row.level1, row.level2, row.name, ...targets, row.actual, row.weight, row.score, row.reason];
  });
  const totalText =
    evaluation.notApplicableWeight > 0
      ? `${formatPoints(evaluation.total.final)}（实得${formatPoints(evaluation.raw.final)}，折算）`
      : formatPoints(evaluation.total.final);
  rows.push([
    '合计',
    '',
    '',
    '',
    ...(withAdjusted ? [''] : []),
    '',
    formatPoints(evaluation.totalWeight),
    totalText,
    `评价等级：${evaluation.grade.final}`,
  ]);
  return {
    type: 'table',
    caption: '附表1：绩效指标评分表',
    columns: [
      { title: '一级指标', width: 8 },
      { title: '二级指标', width: 10 },
      { title: '三级指标', width: 22, align: 'left' },
      ...(withAdjusted
        ? [
            { title: '原指标值', width: 10 },
            { title: '调整后指标值', width: 10 },
          ]
        : [{ title: '目标值', width: 12 }]),
      { title: '实际值', width: 12 },
      { title: '分值', width: 7, align: 'right' },
      { title: '得分', width: 9, align: 'right' },
      { title: '偏差原因', width: 20, align: 'left' },
    ],
    rows,
    mergeColumns: [0, 1],
    totalRow: true,
  };
}

/**
 * The documents the 计分规则 of 附表2 rest on, in the words a reader of an official report expects.
 * 财预〔2020〕10号 sets the project scheme's weights, its three qualitative bands and the grades;
 * the department scheme adds the province's 部门整体支出 indicators, which have no national number.
 */
const BASIS_NOTE = {
  project: '注：计分规则依据《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号）。',
  department:
    '注：评价等级与定性指标档次依据《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号），管理效率指标按本地区部门整体支出绩效自评指标计分。',
} as const;

function explanationTable(evaluation: Evaluation): Block {
  const rows = evaluation.items.map((item) => [
    item.name,
    RULES[item.explanation.rule].title,
    item.adjustmentExplanation ? `${item.explanation.text}；${item.adjustmentExplanation.text}` : item.explanation.text,
  ]);
  rows.push(['总分', RULES[evaluation.totalExplanation.rule].title, evaluation.totalExplanation.text]);
  rows.push(['评价等级', RULES.grade.title, evaluation.grade.explanation.text]);
  return {
    totalRow: false,
    type: 'table',
    caption: '附表2：评分依据',
    columns: [
      { title: '项目', width: 22, align: 'left' },
      { title: '计分规则', width: 38, align: 'left' },
      { title: '计算过程', width: 40, align: 'left' },
    ],
    rows,
  };
}

function hasIllustrative(input: EvaluationInput, evaluation: Evaluation): boolean {
  return input.budget.illustrative === true || evaluation.items.some((item) => item.illustrative);
}
