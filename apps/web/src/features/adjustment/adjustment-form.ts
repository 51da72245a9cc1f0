import type { AdjustmentChangeInput, AdjustmentDetail } from '@jixiao/contract';

/** A value as the form prints it: the wording when there is one, else the number with its unit. */
export function valueText(value: { target: string | null; targetText: string | null } | null, unit: string | null): string {
  if (!value) return '—';
  return value.targetText ?? (value.target === null ? '—' : `${value.target}${unit ?? ''}`);
}

/** The saved changes as the body of the next save (the whole list is saved at once). */
export function changesOf(detail: AdjustmentDetail): AdjustmentChangeInput[] {
  return detail.changes.map((change): AdjustmentChangeInput => {
    const evidence = change.evidence.map((entry) => ({ description: entry.description, ...(entry.link ? { link: entry.link } : {}) }));
    if (change.kind === 'add' && change.indicator) return { kind: 'add', indicator: change.indicator, reason: change.reason, evidence };
    if (change.kind === 'drop') return { kind: 'drop', indicatorId: change.indicatorId, reason: change.reason, evidence };
    return {
      kind: 'target',
      indicatorId: change.indicatorId,
      target: change.after?.target ?? null,
      targetText: change.after?.targetText ?? null,
      reason: change.reason,
      evidence,
    };
  });
}

/** The change of one approved line in the list, if any. */
export const changeOfLine = (changes: readonly AdjustmentChangeInput[], lineId: string) =>
  changes.findIndex((change) => change.kind !== 'add' && change.indicatorId === lineId);
