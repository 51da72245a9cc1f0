import type { Fen } from '../numbers/money.ts';
import { formatYuanGrouped } from '../numbers/money.ts';
import { formatPoints, type Points } from '../numbers/points.ts';
import type { Grade } from '../scoring/evaluation.ts';
import type { SchemeOptions } from '../scoring/scheme.ts';
import { gradeOf } from '../scoring/score.ts';

/**
 * 结果应用 (docs/finance-bureau.md "结果应用"): what an evaluation's result suggests for the project's
 * next-year budget. The national texts say that good performance is supported first and that inefficient
 * money is cut or cancelled; the grade-by-grade table (优 → 优先保障, 良 → 保障, 中 → 压减 a share, 差 →
 * 取消或暂停) is local practice, so the share is a setting (`JIXIAO_RESULT_REDUCE_PERCENT`) and the
 * bureau decides every case itself.
 */
export const RESULT_TREATMENTS = ['prioritise', 'maintain', 'reduce', 'suspend'] as const;
export type ResultTreatment = (typeof RESULT_TREATMENTS)[number];

export const RESULT_TREATMENT_LABEL: Readonly<Record<ResultTreatment, string>> = {
  prioritise: '优先保障',
  maintain: '保障',
  reduce: '压减',
  suspend: '取消或暂停',
};

export const TREATMENT_OF_GRADE: Readonly<Record<Grade, ResultTreatment>> = {
  优: 'prioritise',
  良: 'maintain',
  中: 'reduce',
  差: 'suspend',
};

/** The share 中 is cut by unless configured: no national figure exists, so the default is a setting. */
export const DEFAULT_REDUCE_PERCENT = 10;

/** Where the score came from: the bureau's 抽查复核 replaces the self-score where it exists. */
export type ScoreSource = 'rereview' | 'self';

export const SCORE_SOURCE_LABEL: Readonly<Record<ScoreSource, string>> = {
  rereview: '财政抽查复核得分',
  self: '经财政审核的自评得分',
};

/** The national basis shown beside every suggestion. */
export const RESULT_BASIS =
  '依据《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效好的政策和项目原则上优先保障，绩效一般的督促改进，交叉重复、碎片化的予以调整，低效无效资金一律削减或取消；《项目支出绩效评价管理办法》（财预〔2020〕10号）要求将评价结果作为安排以后年度预算、调整政策和改进管理的重要依据';

/** The grade-by-grade practice, in plain Chinese, with the configured share. */
export function treatmentRule(treatment: ResultTreatment, reducePercent: number): string {
  switch (treatment) {
    case 'prioritise':
      return '评价等级为优的项目，下一年度预算优先保障，可按需要适当增加';
    case 'maintain':
      return '评价等级为良的项目，下一年度预算据实合理保障';
    case 'reduce':
      return `评价等级为中的项目，督促整改，下一年度预算按本年预算压减 ${reducePercent}%（压减比例由本级财政设定）`;
    case 'suspend':
      return '评价等级为差的项目，下一年度原则上取消或暂停安排预算，确需保留的应大幅压减并说明理由';
  }
}

export interface ResultRules {
  /** 中's cut, whole percent 0–100. */
  readonly reducePercent: number;
  readonly gradeFloors: SchemeOptions['gradeFloors'];
}

export interface ResultSuggestion {
  readonly grade: Grade;
  readonly treatment: ResultTreatment;
  readonly treatmentLabel: string;
  /** The suggested next-year amount, exact fen. */
  readonly suggestedFen: Fen;
  /** How the suggestion follows from the score, in plain Chinese. */
  readonly explanation: string;
  readonly basis: string;
}

/**
 * The amount 中 is cut to: budget × (100 − p) ÷ 100, in exact integer fen, the cut rounded half up
 * (so the cut of 0.05 fen or more is a whole fen, never a float).
 */
export function reducedAmount(budgetFen: Fen, reducePercent: number): Fen {
  const cut = (2n * BigInt(budgetFen) * BigInt(reducePercent) + 100n) / 200n;
  return budgetFen - Number(cut);
}

/** The suggestion for a final score and the project's budget this year. */
export function suggestApplication(
  input: { readonly total: Points; readonly source: ScoreSource; readonly budgetFen: Fen },
  rules: ResultRules,
): ResultSuggestion {
  const grade = gradeOf(input.total, rules);
  const treatment = TREATMENT_OF_GRADE[grade];
  const suggestedFen =
    treatment === 'reduce' ? reducedAmount(input.budgetFen, rules.reducePercent) : treatment === 'suspend' ? 0 : input.budgetFen;
  const explanation = `${SCORE_SOURCE_LABEL[input.source]} ${formatPoints(input.total)} 分，评价等级“${grade}”；${treatmentRule(
    treatment,
    rules.reducePercent,
  )}：本年预算 ${formatYuanGrouped(input.budgetFen)} 元，建议下一年度安排 ${formatYuanGrouped(suggestedFen)} 元`;
  return { grade, treatment, treatmentLabel: RESULT_TREATMENT_LABEL[treatment], suggestedFen, explanation, basis: RESULT_BASIS };
}

export const RESULT_DECISIONS = ['adopt', 'adjust'] as const;
export type ResultDecision = (typeof RESULT_DECISIONS)[number];
export const RESULT_DECISION_LABEL: Readonly<Record<ResultDecision, string>> = { adopt: '采纳建议', adjust: '调整' };

export interface DecisionIssue {
  readonly field: 'decision' | 'decidedFen' | 'reason';
  readonly message: string;
}

/**
 * The bureau's decision on a suggestion: 采纳建议 takes the suggested amount as it is; 调整 names its
 * own amount and treatment; a decision that differs from the suggestion in either needs its reason.
 */
export function checkDecision(input: {
  readonly suggestion: Pick<ResultSuggestion, 'suggestedFen' | 'treatment'>;
  readonly decision: ResultDecision;
  readonly decidedFen: Fen;
  readonly treatment: ResultTreatment;
  readonly reason: string;
}): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const differs = input.decidedFen !== input.suggestion.suggestedFen || input.treatment !== input.suggestion.treatment;
  if (input.decision === 'adopt' && differs) {
    issues.push({
      field: 'decision',
      message: `“采纳建议”须按建议安排 ${formatYuanGrouped(input.suggestion.suggestedFen)} 元（${RESULT_TREATMENT_LABEL[input.suggestion.treatment]}）；金额或处理方式不同时请选择“调整”并说明理由`,
    });
  }
  if (input.decision === 'adjust' && !differs) {
    issues.push({ field: 'decision', message: '所填金额与处理方式与建议相同，请选择“采纳建议”' });
  }
  if (differs && input.reason.trim() === '') {
    issues.push({
      field: 'reason',
      message: `决定安排 ${formatYuanGrouped(input.decidedFen)} 元（${RESULT_TREATMENT_LABEL[input.treatment]}），与建议 ${formatYuanGrouped(input.suggestion.suggestedFen)} 元（${RESULT_TREATMENT_LABEL[input.suggestion.treatment]}）不同，须填写调整理由`,
    });
  }
  return issues;
}
