import type { Fraction } from '../numbers/decimal.ts';
import type { Points } from '../numbers/points.ts';
import type { Grade } from '../scoring/evaluation.ts';
import type { SchemeOptions } from '../scoring/scheme.ts';
import { DEFAULT_OPTIONS } from '../scoring/scheme.ts';
import { gradeOf } from '../scoring/score.ts';
import type { EvaluationStatus } from '../workflow/workflow.ts';

export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

/** How many scores fall in each grade band, with the scheme's floors (docs/scoring.md `grade`: 90 / 80 / 60, inclusive). */
export function scoreDistribution(
  scores: readonly Points[],
  options: Pick<SchemeOptions, 'gradeFloors'> = DEFAULT_OPTIONS,
): Record<Grade, number> {
  const counts: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const score of scores) counts[gradeOf(score, options)] += 1;
  return counts;
}

/** 优良率 = (优 + 良) ÷ scored evaluations; undefined when nothing is scored. */
export function excellentGoodRate(distribution: Readonly<Record<Grade, number>>): Fraction | undefined {
  const total = GRADES.reduce((sum, grade) => sum + distribution[grade], 0);
  return total === 0 ? undefined : { num: BigInt(distribution.优 + distribution.良), den: BigInt(total) };
}

/** Coverage = evaluated projects ÷ projects with a budget (> 0); undefined when no project has a budget. */
export function coverage(evaluatedProjects: number, budgetedProjects: number): Fraction | undefined {
  return budgetedProjects === 0 ? undefined : { num: BigInt(evaluatedProjects), den: BigInt(budgetedProjects) };
}

/** Average of scores in hundredths, rounded half up; undefined for none. */
export function averageScore(scores: readonly Points[]): Points | undefined {
  if (scores.length === 0) return undefined;
  const sum = scores.reduce((total, score) => total + score, 0);
  return Math.floor((2 * sum + scores.length) / (2 * scores.length));
}

export interface YearDeadlines {
  /** 单位提交截止, 部门审核截止, 财政复核截止 (ISO dates, inclusive); null when not set. */
  readonly submit: string | null;
  readonly review: string | null;
  readonly finance: string | null;
}

/**
 * An evaluation is overdue when the step it waits for has a deadline that has passed (today later
 * than the deadline): a draft or returned one against the submission deadline, one awaiting the
 * department against the review deadline, one awaiting the bureau against the finance deadline.
 * Approved and published evaluations are never overdue. Returns the deadline missed, or undefined.
 */
export function overdueStep(
  status: EvaluationStatus,
  deadlines: YearDeadlines,
  today: string,
): 'submit' | 'review' | 'finance' | undefined {
  const step =
    status === 'draft' || status === 'returned'
      ? 'submit'
      : status === 'submitted'
        ? 'review'
        : status === 'department_approved'
          ? 'finance'
          : undefined;
  if (!step) return undefined;
  const deadline = deadlines[step];
  return deadline !== null && today > deadline ? step : undefined;
}

/** Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4). Entries without a score come last, unranked. */
export function rank<T>(entries: readonly T[], scoreOf: (entry: T) => Points | undefined): { entry: T; rank: number | undefined }[] {
  const withScore = entries.filter((entry) => scoreOf(entry) !== undefined);
  const sorted = [...withScore].sort((a, b) => (scoreOf(b) as number) - (scoreOf(a) as number));
  let previous: { score: Points; rank: number } | undefined;
  const ranked = sorted.map((entry, index) => {
    const score = scoreOf(entry) as Points;
    if (previous?.score !== score) previous = { score, rank: index + 1 };
    return { entry, rank: previous.rank };
  });
  return [...ranked, ...entries.filter((entry) => scoreOf(entry) === undefined).map((entry) => ({ entry, rank: undefined }))];
}
