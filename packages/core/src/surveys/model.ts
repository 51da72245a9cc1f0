import { type Decimal, parseDecimal } from '../numbers/decimal.ts';

/** The five levels of the satisfaction scale, best first. */
export type ScaleLevel = 'very-satisfied' | 'satisfied' | 'fair' | 'dissatisfied' | 'very-dissatisfied';

export const SCALE_LEVELS: readonly ScaleLevel[] = ['very-satisfied', 'satisfied', 'fair', 'dissatisfied', 'very-dissatisfied'];

export const SCALE_LABEL: Readonly<Record<ScaleLevel, string>> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  fair: '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
};

export type QuestionKind = 'scale' | 'single' | 'multiple' | 'text';

export interface QuestionOption {
  readonly id: string;
  readonly label: string;
}

export interface SurveyQuestion {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly text: string;
  readonly required: boolean;
  /** Scale questions only: weight in 满意度 and 满意率, decimal text, default 1. */
  readonly weight?: string | undefined;
  /** Single and multiple choice. */
  readonly options?: readonly QuestionOption[] | undefined;
  /** Short text: longest answer accepted, in characters (default 200). */
  readonly maxLength?: number | undefined;
}

/**
 * How scale answers are scored. Defaults 100/80/60/40/0 and the satisfied set 非常满意 + 满意 are the
 * usual practice of 满意度 surveys in performance evaluation; both are configuration of each survey.
 */
export interface ScaleConfig {
  readonly scores: Readonly<Record<ScaleLevel, number>>;
  readonly satisfied: readonly ScaleLevel[];
}

export const DEFAULT_SCALE: ScaleConfig = {
  scores: { 'very-satisfied': 100, satisfied: 80, fair: 60, dissatisfied: 40, 'very-dissatisfied': 0 },
  satisfied: ['very-satisfied', 'satisfied'],
};

export type Answer = string | readonly string[];
export type Answers = Readonly<Record<string, Answer>>;

export const DEFAULT_TEXT_LENGTH = 200;

export function questionWeight(question: SurveyQuestion): Decimal {
  return (question.weight === undefined ? undefined : parseDecimal(question.weight)) ?? { units: 1n, scale: 0 };
}

export interface AnswerIssue {
  readonly questionId: string;
  readonly message: string;
}

const isBlank = (answer: Answer | undefined): boolean =>
  answer === undefined || (typeof answer === 'string' ? answer.trim() === '' : answer.length === 0);

/**
 * Checks a set of answers against the design: every required question answered, every answer of
 * the question's kind and among its options, no answer to a question that does not exist. Messages
 * in Chinese name the question (第 n 题) and the value read.
 */
export function validateAnswers(questions: readonly SurveyQuestion[], answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const known = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ questionId: id, message: `问卷中没有题目“${id}”` });
  }
  questions.forEach((question, index) => {
    const label = `第 ${index + 1} 题“${question.text}”`;
    const answer = answers[question.id];
    if (isBlank(answer)) {
      if (question.required) issues.push({ questionId: question.id, message: `${label}为必答题，尚未作答` });
      return;
    }
    const problem = answerProblem(question, answer as Answer);
    if (problem) issues.push({ questionId: question.id, message: `${label}${problem}` });
  });
  return issues;
}

function answerProblem(question: SurveyQuestion, answer: Answer): string | undefined {
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  switch (question.kind) {
    case 'scale':
      if (typeof answer !== 'string' || !(SCALE_LEVELS as readonly string[]).includes(answer))
        return `的答案“${String(answer)}”不是满意度选项`;
      return undefined;
    case 'single':
      if (typeof answer !== 'string' || !optionIds.has(answer)) return `的答案“${String(answer)}”不是本题选项`;
      return undefined;
    case 'multiple': {
      if (typeof answer === 'string') return '应为多选，答案须是选项列表';
      const unknown = answer.find((choice) => !optionIds.has(choice));
      if (unknown !== undefined) return `的答案“${unknown}”不是本题选项`;
      if (new Set(answer).size !== answer.length) return '的答案中有重复选项';
      return undefined;
    }
    case 'text': {
      if (typeof answer !== 'string') return '应填写文字';
      const max = question.maxLength ?? DEFAULT_TEXT_LENGTH;
      const length = [...answer].length;
      if (length > max) return `的回答有 ${length} 个字，超过上限 ${max} 个字`;
      return undefined;
    }
  }
}

/** Design problems: what a survey must satisfy before it opens. Messages in Chinese. */
export function validateDesign(questions: readonly SurveyQuestion[]): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const seen = new Set<string>();
  if (!questions.some((question) => question.kind === 'scale')) {
    issues.push({ questionId: '', message: '问卷至少须有一道满意度量表题，才能计算满意度' });
  }
  questions.forEach((question, index) => {
    const label = `第 ${index + 1} 题`;
    if (seen.has(question.id)) issues.push({ questionId: question.id, message: `${label}的编号“${question.id}”与前面的题目重复` });
    seen.add(question.id);
    if (question.text.trim() === '') issues.push({ questionId: question.id, message: `${label}缺少题目文字` });
    if (question.kind === 'single' || question.kind === 'multiple') {
      const options = question.options ?? [];
      if (options.length < 2) issues.push({ questionId: question.id, message: `${label}是选择题，至少须有两个选项` });
      if (new Set(options.map((option) => option.id)).size !== options.length) {
        issues.push({ questionId: question.id, message: `${label}的选项编号有重复` });
      }
    }
    if (question.weight !== undefined) {
      const weight = parseDecimal(question.weight);
      if (question.kind !== 'scale') issues.push({ questionId: question.id, message: `${label}不是量表题，不能设置权重` });
      else if (!weight || weight.units <= 0n)
        issues.push({ questionId: question.id, message: `${label}的权重“${question.weight}”须为正数` });
    }
  });
  return issues;
}
