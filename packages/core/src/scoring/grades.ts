/**
 * Graded qualitative targets (高 / 较高 / 一般 / 低, 是 / 否 …) and quantitative tasks reported as
 * done ("按期完成"): the words published forms use where the engine otherwise expects a band or a number.
 */

/** A word read from a form, compared without surrounding blanks or a closing full stop. */
export function normaliseWord(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '').replace(/[。.]$/, '');
}

export type GradeComparison =
  /** Neither value is a grade word: the evaluator's band decides, as for any qualitative indicator. */
  | { readonly kind: 'none' }
  /** Both are grades of `scale`; ranks count from 0 (best). */
  | { readonly kind: 'graded'; readonly scale: readonly string[]; readonly target: number; readonly actual: number }
  /** One is a grade and the other is not, or each belongs to a different scale. */
  | { readonly kind: 'unknown' | 'different-scales'; readonly scales: readonly (readonly string[])[] };

/**
 * Finds the scale holding both words. A word may appear in several scales ("一般", "差"), so the
 * pair decides: the first scale that contains both.
 */
export function compareGrades(
  target: string | undefined,
  actual: string | undefined,
  scales: readonly (readonly string[])[],
): GradeComparison {
  const t = normaliseWord(target);
  const a = normaliseWord(actual);
  const withTarget = t ? scales.filter((scale) => scale.includes(t)) : [];
  const withActual = a ? scales.filter((scale) => scale.includes(a)) : [];
  if (withTarget.length === 0 && withActual.length === 0) return { kind: 'none' };
  const shared = withTarget.find((scale) => withActual.includes(scale));
  if (shared) return { kind: 'graded', scale: shared, target: shared.indexOf(t), actual: shared.indexOf(a) };
  if (withTarget.length > 0 && withActual.length > 0) return { kind: 'different-scales', scales: [...withTarget, ...withActual] };
  return { kind: 'unknown', scales: withTarget.length > 0 ? withTarget : withActual };
}

/**
 * The band a graded actual earns: reaching the target grade is 达成; one grade short is 部分达成
 * unless that grade is the bottom of its scale (否, 未达到, 差 are failures, not near-misses);
 * anything further short is 未达成.
 */
export function bandOfGrades(scale: readonly string[], target: number, actual: number): 'achieved' | 'partial' | 'not-achieved' {
  if (actual <= target) return 'achieved';
  if (actual === target + 1 && actual < scale.length - 1) return 'partial';
  return 'not-achieved';
}

/** Words of a task reported as done, where a number is expected. */
const COMPLETION_WORDS = new Set([
  '完成',
  '全部完成',
  '按期完成',
  '已完成',
  '按时完成',
  '如期完成',
  '已全部完成',
  '全面完成',
  '已按期完成',
]);

export function isCompletionWord(text: string | undefined): boolean {
  return COMPLETION_WORDS.has(normaliseWord(text));
}
