import { type Direction, type Fen, formatWanYuanExact, LEVEL1_LABEL, LEVEL2_LABEL, type Level1, type Level2, targets } from '@jixiao/core';

/**
 * 项目支出 / 部门整体支出绩效目标申报表 as laid out in the appendices of 财预〔2015〕88号 (the forms the
 * provinces copy), with the indicator columns of 财预〔2021〕101号. One model, two renderers (.xlsx, .docx):
 * both print the same rows in the same order.
 */
export interface DeclarationSheet {
  readonly kind: 'project' | 'department';
  readonly fiscalYear: number;
  /** Only an approved declaration (批复) prints as the formal form; anything else is marked 草稿. */
  readonly approved: boolean;
  readonly statusLabel: string;
  readonly projectName: string | null;
  readonly projectCode: string | null;
  readonly department: string;
  readonly implementingUnit: string;
  readonly attribute: 'new' | 'continuing' | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly funds: { readonly totalFen: Fen; readonly fiscalFen: Fen; readonly otherFen: Fen };
  readonly overallGoal: string;
  readonly annualGoals: readonly { readonly text: string }[];
  readonly indicators: readonly DeclarationSheetLine[];
  /**
   * The internal copy carries the review opinions (overall and per indicator); the formal form never
   * does, whatever is passed here.
   */
  readonly internal?:
    | {
        readonly opinions: readonly SheetOpinion[];
      }
    | undefined;
}

export interface SheetOpinion {
  readonly stageLabel: string;
  readonly verdictLabel: string | null;
  readonly text: string | null;
  readonly actorName: string;
}

export interface DeclarationSheetLine {
  readonly level1: Level1;
  readonly level2: Level2;
  readonly name: string;
  readonly nature: 'quantitative' | 'qualitative';
  readonly direction: Direction;
  readonly target: string | null;
  readonly targetText: string | null;
  readonly unit: string | null;
  readonly basis: targets.TargetBasis | null;
  readonly basisText: string | null;
  readonly dataSource: string | null;
  readonly method: string | null;
  readonly evidence: string | null;
  readonly lastYearActual: string | null;
  readonly core: boolean;
  readonly scoringRule: string | null;
  readonly weight: string | null;
  /** Internal copy only. */
  readonly opinions?: readonly SheetOpinion[] | undefined;
}

export interface FormColumn {
  readonly title: string;
  readonly width: number;
}

export interface DeclarationForm {
  readonly title: string;
  /** "（2027年度）", and the 草稿 / 内部审核稿 note where the form is not the formal one. */
  readonly subtitle: string;
  readonly note: string | null;
  readonly header: readonly (readonly [label: string, value: string])[];
  readonly funds: readonly (readonly [label: string, value: string])[];
  readonly goals: readonly (readonly [label: string, value: string])[];
  readonly columns: readonly FormColumn[];
  readonly rows: readonly (readonly string[])[];
  /** The overall opinions of the internal copy, one line each. */
  readonly opinions: readonly string[];
}

const SYMBOL: Readonly<Record<Direction, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', qualitative: '' };

const ATTRIBUTE: Readonly<Record<'new' | 'continuing', string>> = { new: '新增项目', continuing: '延续项目' };

/** 指标值 as worded on the form, or built from the direction and the number. */
function targetValue(line: DeclarationSheetLine): string {
  if (line.targetText?.trim()) return line.targetText.trim();
  return line.target === null ? '' : `${SYMBOL[line.direction]}${line.target}`;
}

function basisOf(line: DeclarationSheetLine): string {
  const label = line.basis ? targets.TARGET_BASIS_LABEL[line.basis] : '';
  const text = line.basisText?.trim() ?? '';
  return label && text ? `${label}：${text}` : label || text;
}

const opinionText = (opinion: SheetOpinion) =>
  `${opinion.stageLabel}（${opinion.actorName}）：${[opinion.verdictLabel, opinion.text].filter(Boolean).join('，')}`;

const period = (start: string | null, end: string | null) => (start || end ? `${start ?? ''} 至 ${end ?? ''}` : '');

export function declarationForm(sheet: DeclarationSheet): DeclarationForm {
  const internal = sheet.internal;
  const isProject = sheet.kind === 'project';
  const title = isProject ? '项目支出绩效目标申报表' : '部门整体支出绩效目标申报表';
  const draft = !sheet.approved;
  const marks = [
    draft ? `草稿：当前状态“${sheet.statusLabel}”，未经批复，不作为正式申报表` : null,
    internal ? '内部审核稿，含审核意见，不对外提供' : null,
  ];
  const header: [string, string][] = isProject
    ? [
        ['项目名称', sheet.projectName ?? ''],
        ['项目编码', sheet.projectCode ?? ''],
        ['主管部门', sheet.department],
        ['实施单位', sheet.implementingUnit],
        ['项目属性', sheet.attribute ? ATTRIBUTE[sheet.attribute] : ''],
        ['项目期', period(sheet.periodStart, sheet.periodEnd)],
      ]
    : [
        ['部门（单位）名称', sheet.department],
        ['实施单位', sheet.implementingUnit],
        ['实施期', period(sheet.periodStart, sheet.periodEnd)],
      ];
  const goals: [string, string][] = [
    [isProject ? '总体目标' : '部门整体目标', sheet.overallGoal],
    [
      '年度目标',
      sheet.annualGoals.length === 1
        ? (sheet.annualGoals[0]?.text ?? '')
        : sheet.annualGoals.map((goal, index) => `目标${index + 1}：${goal.text}`).join('\n'),
    ],
  ];
  const columns: FormColumn[] = [
    { title: '一级指标', width: 10 },
    { title: '二级指标', width: 12 },
    { title: '三级指标', width: 22 },
    { title: '指标性质', width: 8 },
    { title: '指标值', width: 12 },
    { title: '计量单位', width: 8 },
    { title: '设定依据', width: 20 },
    { title: '完成值数据来源', width: 16 },
    { title: '取值方式', width: 16 },
    { title: '佐证要求', width: 16 },
    { title: '上年实际值', width: 10 },
    { title: '是否核心指标', width: 8 },
    { title: '评（扣）分标准', width: 22 },
    { title: '分值', width: 7 },
    ...(internal ? [{ title: '审核意见', width: 28 }] : []),
  ];
  const rows = sheet.indicators.map((line) => [
    LEVEL1_LABEL[line.level1],
    LEVEL2_LABEL[line.level2],
    line.name,
    line.nature === 'quantitative' ? '定量' : '定性',
    targetValue(line),
    line.unit ?? '',
    basisOf(line),
    line.dataSource ?? '',
    line.method ?? '',
    line.evidence ?? '',
    line.lastYearActual ?? '',
    line.core ? '是' : '否',
    line.scoringRule ?? '',
    line.weight ?? '',
    ...(internal ? [(line.opinions ?? []).map(opinionText).join('\n')] : []),
  ]);
  return {
    title,
    subtitle: `（${sheet.fiscalYear}年度）`,
    note: marks.filter(Boolean).join('；') || null,
    header,
    funds: [
      ['资金总额', formatWanYuanExact(sheet.funds.totalFen)],
      ['其中：财政拨款', formatWanYuanExact(sheet.funds.fiscalFen)],
      ['其他资金', formatWanYuanExact(sheet.funds.otherFen)],
    ],
    goals,
    columns,
    rows,
    opinions: internal ? internal.opinions.map(opinionText) : [],
  };
}
