import type { Answers, SurveyQuestion } from './model.ts';

/**
 * Integrity rules. Each marks a response for a person to review; none excludes it. Only staff
 * exclude, one response at a time, with a reason (audited): a fast or uniform answer can be honest.
 */
export type IntegrityFlag = 'too-fast' | 'straight-lining' | 'duplicate';

export const INTEGRITY_FLAG_LABEL: Readonly<Record<IntegrityFlag, string>> = {
  'too-fast': '作答时间过短',
  'straight-lining': '量表题全部同一答案',
  duplicate: '疑似重复提交',
};

export interface IntegrityConfig {
  /** Answers completed in fewer seconds are flagged (default 30 s). */
  readonly minimumSeconds: number;
  /** The same answer on every scale question is flagged when there are at least this many (default 5). */
  readonly straightLiningMinimum: number;
  /** Same answers from the same address or device within this many seconds are flagged (default 24 h). */
  readonly duplicateWindowSeconds: number;
}

export const DEFAULT_INTEGRITY: IntegrityConfig = { minimumSeconds: 30, straightLiningMinimum: 5, duplicateWindowSeconds: 86_400 };

export interface ResponseTrace {
  readonly answers: Answers;
  /** Seconds from opening the form to sending it; undefined when unknown (paper). */
  readonly completionSeconds?: number | undefined;
  /** When it was received, ms since the epoch. */
  readonly receivedAt: number;
  readonly address?: string | undefined;
  readonly fingerprint?: string | undefined;
}

/** Answers as one comparable text: question ids in order, choices sorted. */
export function answersKey(questions: readonly SurveyQuestion[], answers: Answers): string {
  return JSON.stringify(
    questions.map((question) => {
      const answer = answers[question.id];
      return answer === undefined ? null : typeof answer === 'string' ? answer.trim() : [...answer].sort();
    }),
  );
}

/**
 * The flags of one new response given the earlier ones (in any order): too fast, straight-lining,
 * and duplicate — the same answers as an earlier response from the same address or fingerprint
 * received at most `duplicateWindowSeconds` before it.
 */
export function integrityFlags(
  questions: readonly SurveyQuestion[],
  response: ResponseTrace,
  earlier: readonly ResponseTrace[],
  config: IntegrityConfig = DEFAULT_INTEGRITY,
): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  if (response.completionSeconds !== undefined && response.completionSeconds < config.minimumSeconds) flags.push('too-fast');
  const scaleAnswers = questions.filter((question) => question.kind === 'scale').map((question) => response.answers[question.id]);
  if (
    scaleAnswers.length >= config.straightLiningMinimum &&
    scaleAnswers.every((answer) => typeof answer === 'string' && answer === scaleAnswers[0])
  ) {
    flags.push('straight-lining');
  }
  const key = answersKey(questions, response.answers);
  const windowMs = config.duplicateWindowSeconds * 1000;
  const duplicate = earlier.some(
    (other) =>
      ((response.address !== undefined && other.address === response.address) ||
        (response.fingerprint !== undefined && other.fingerprint === response.fingerprint)) &&
      Math.abs(response.receivedAt - other.receivedAt) <= windowMs &&
      answersKey(questions, other.answers) === key,
  );
  if (duplicate) flags.push('duplicate');
  return flags;
}
