import { type Fraction, fraction, pow10, roundHalfUp } from '../numbers/decimal.ts';
import { type Answers, DEFAULT_SCALE, questionWeight, type ScaleConfig, type ScaleLevel, type SurveyQuestion } from './model.ts';

export interface ScoredResponse {
  readonly answers: Answers;
  /**
   * How many identical responses this one stands for (default 1): the server groups responses with the
   * same answers in SQL, so 100,000 answers arrive as a few hundred patterns.
   */
  readonly count?: number;
}

function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function reduce(value: Fraction): Fraction {
  let a = value.num < 0n ? -value.num : value.num;
  let b = value.den;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n || a === 1n ? value : { num: value.num / a, den: value.den / a };
}

interface ResponseScore {
  /** Weighted mean score of the answered scale questions, 0–100. */
  readonly score: Fraction;
  /** Weighted share of those answers in the satisfied set, 0–1. */
  readonly satisfied: Fraction;
}

/**
 * One response's 满意度 and satisfied share: Σ wᵢ·sᵢ / Σ wᵢ over the scale questions it answered
 * (an optional scale question left blank neither raises nor lowers it). Undefined when it answered none.
 */
export function scoreResponse(
  questions: readonly SurveyQuestion[],
  answers: Answers,
  scale: ScaleConfig = DEFAULT_SCALE,
): ResponseScore | undefined {
  // Weights are decimals; put every weight on one scale so that Σ w is an integer.
  const scaleQuestions = questions.filter((question) => question.kind === 'scale');
  const weights = scaleQuestions.map(questionWeight);
  const common = Math.max(0, ...weights.map((weight) => weight.scale));
  let weightSum = 0n;
  let scoreSum = 0n;
  let satisfiedSum = 0n;
  scaleQuestions.forEach((question, index) => {
    const answer = answers[question.id];
    if (typeof answer !== 'string' || !(answer in scale.scores)) return;
    const level = answer as ScaleLevel;
    const weight = weights[index] as (typeof weights)[number];
    const units = weight.units * pow10(common - weight.scale);
    weightSum += units;
    scoreSum += units * BigInt(scale.scores[level]);
    if (scale.satisfied.includes(level)) satisfiedSum += units;
  });
  if (weightSum === 0n) return undefined;
  return { score: reduce(fraction(scoreSum, weightSum)), satisfied: reduce(fraction(satisfiedSum, weightSum)) };
}

export interface OptionCount {
  readonly value: string;
  readonly count: number;
}

export interface QuestionResult {
  readonly questionId: string;
  /** Responses that answered it. */
  readonly answered: number;
  /** Per option (scale levels in scale order, options in design order); empty for text questions. */
  readonly counts: readonly OptionCount[];
}

export interface SurveyResults {
  /** Valid responses (not excluded) that answered at least one scale question. */
  readonly scored: number;
  /** 满意度: mean over scored responses of each response's weighted score, 0–100, exact. */
  readonly satisfaction?: Fraction | undefined;
  /** 满意率: mean over scored responses of each response's satisfied share, 0–1, exact. */
  readonly satisfiedRate?: Fraction | undefined;
  /** 满意度 in hundredths of a point (9412 = 94.12 分), half up. */
  readonly satisfactionHundredths?: number | undefined;
  /** 满意率 in basis points (9412 = 94.12 %), half up. */
  readonly satisfiedRateBasisPoints?: number | undefined;
  readonly questions: readonly QuestionResult[];
}

/**
 * 满意度 and 满意率 of a set of valid responses (the caller leaves excluded ones out; flagged ones
 * stay in until a person excludes them). Every response weighs the same; within a response the
 * scale questions weigh by their weights. With one scale question 满意率 is exactly the share of
 * responses whose answer is in the satisfied set.
 */
export function surveyResults(
  questions: readonly SurveyQuestion[],
  responses: readonly ScoredResponse[],
  scale: ScaleConfig = DEFAULT_SCALE,
): SurveyResults {
  let scoreTotal: Fraction = { num: 0n, den: 1n };
  let satisfiedTotal: Fraction = { num: 0n, den: 1n };
  let scored = 0;
  for (const response of responses) {
    const score = scoreResponse(questions, response.answers, scale);
    if (!score) continue;
    const count = response.count ?? 1;
    const times = BigInt(count);
    scored += count;
    scoreTotal = reduce(addFractions(scoreTotal, { num: score.score.num * times, den: score.score.den }));
    satisfiedTotal = reduce(addFractions(satisfiedTotal, { num: score.satisfied.num * times, den: score.satisfied.den }));
  }
  const questionResults = questions.map((question) => countAnswers(question, responses));
  if (scored === 0) return { scored, questions: questionResults };
  const n = BigInt(scored);
  const satisfaction = reduce(fraction(scoreTotal.num, scoreTotal.den * n));
  const satisfiedRate = reduce(fraction(satisfiedTotal.num, satisfiedTotal.den * n));
  return {
    scored,
    satisfaction,
    satisfiedRate,
    satisfactionHundredths: Number(roundHalfUp(satisfaction.num * 100n, satisfaction.den)),
    satisfiedRateBasisPoints: Number(roundHalfUp(satisfiedRate.num * 10_000n, satisfiedRate.den)),
    questions: questionResults,
  };
}

function countAnswers(question: SurveyQuestion, responses: readonly ScoredResponse[]): QuestionResult {
  const values =
    question.kind === 'scale'
      ? (Object.keys(DEFAULT_SCALE.scores) as string[])
      : question.kind === 'text'
        ? []
        : (question.options ?? []).map((option) => option.id);
  const counts = new Map(values.map((value) => [value, 0]));
  let answered = 0;
  for (const { answers, count: times = 1 } of responses) {
    const answer = answers[question.id];
    if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) continue;
    answered += times;
    for (const value of typeof answer === 'string' ? [answer] : answer) {
      const count = counts.get(value);
      if (count !== undefined) counts.set(value, count + times);
    }
  }
  return { questionId: question.id, answered, counts: values.map((value) => ({ value, count: counts.get(value) ?? 0 })) };
}
