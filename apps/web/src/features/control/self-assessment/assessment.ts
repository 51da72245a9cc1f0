import type { AssessmentEntryBody, AssessmentItem, AssessmentLevel } from '@jixiao/contract';
import { PointsText } from '@jixiao/contract';
import { pointsAtMost, sumPoints } from '../../../lib/points.ts';

/**
 * 内部控制基础性评价 in the browser: the unit's edits over the server's items (each with the
 * system's pre-fill), grouped for the form and the chart, and turned back into the entries the
 * server stores. Points are strings summed exactly (lib/points.ts).
 */
export interface ItemEdit {
  /** The score typed ("" while empty: the pre-fill, if any, applies). */
  readonly score: string;
  readonly notApplicable: boolean;
  readonly note: string;
}

export type Edits = Readonly<Record<string, ItemEdit>>;

/** The form's starting values: the score in force (the unit's or the pre-fill's), 不适用 and the note. */
export function initialEdits(items: readonly AssessmentItem[]): Edits {
  return Object.fromEntries(
    items.map((item) => [item.code, { score: item.score ?? '', notApplicable: item.notApplicable, note: item.note ?? '' }]),
  );
}

/** Why a typed score cannot be saved, or null: a points string between 0 and the item's points. */
export function scoreProblem(item: AssessmentItem, edit: ItemEdit): 'format' | 'too-high' | null {
  if (edit.notApplicable || edit.score.trim() === '') return null;
  if (!PointsText.safeParse(edit.score.trim()).success) return 'format';
  return pointsAtMost(edit.score.trim(), item.points) ? null : 'too-high';
}

const prefillScore = (item: AssessmentItem) => (item.prefill.kind === 'score' ? item.prefill.score : null);

const samePoints = (a: string, b: string) => sumPoints([a]) === sumPoints([b]);

/**
 * The entries to save. A score equal to the pre-fill is sent as null, so the item keeps following
 * the system's evidence when it changes; 不适用 is sent only where it differs from the pre-fill's;
 * a blank note is left out.
 */
export function toEntries(items: readonly AssessmentItem[], edits: Edits): AssessmentEntryBody[] {
  return items.map((item) => {
    const edit = edits[item.code] ?? { score: item.score ?? '', notApplicable: item.notApplicable, note: item.note ?? '' };
    const typed = edit.score.trim();
    const prefilled = prefillScore(item);
    const score = edit.notApplicable || typed === '' || (prefilled !== null && samePoints(typed, prefilled)) ? null : typed;
    const defaultNotApplicable = item.prefill.kind === 'not-applicable';
    return {
      code: item.code,
      score,
      ...(edit.notApplicable !== defaultNotApplicable ? { notApplicable: edit.notApplicable } : {}),
      ...(edit.note.trim() ? { note: edit.note.trim() } : {}),
    };
  });
}

export interface CategoryTotal {
  readonly level: AssessmentLevel;
  readonly category: string;
  /** Points of the applicable items. */
  readonly points: string;
  /** Σ of the scores as edited (unscored items count nothing). */
  readonly score: string;
  readonly items: readonly AssessmentItem[];
}

/** Items by 单位层面 / 业务层面 and category, in the server's order, with each category's live totals. */
export function byCategory(items: readonly AssessmentItem[], edits: Edits): CategoryTotal[] {
  const groups: { level: AssessmentLevel; category: string; items: AssessmentItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.level === item.level && last.category === item.category) last.items.push(item);
    else groups.push({ level: item.level, category: item.category, items: [item] });
  }
  return groups.map((group) => {
    const applicable = group.items.filter((item) => !(edits[item.code]?.notApplicable ?? item.notApplicable));
    return {
      ...group,
      points: sumPoints(applicable.map((item) => item.points)),
      score: sumPoints(applicable.map((item) => edits[item.code]?.score.trim() || null)),
    };
  });
}

/** Whether the edits differ from what was loaded (unsaved changes). */
export function isDirty(items: readonly AssessmentItem[], edits: Edits): boolean {
  const loaded = initialEdits(items);
  return items.some((item) => {
    const a = loaded[item.code];
    const b = edits[item.code];
    return !a || !b || a.score.trim() !== b.score.trim() || a.notApplicable !== b.notApplicable || a.note.trim() !== b.note.trim();
  });
}
