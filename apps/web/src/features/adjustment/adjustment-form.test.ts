import type { AdjustmentDetail } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import { changeOfLine, changesOf, valueText } from './adjustment-form.ts';

const change = (overrides: Partial<AdjustmentDetail['changes'][number]>): AdjustmentDetail['changes'][number] => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'target',
  kindLabel: '调整指标值',
  indicatorId: '00000000-0000-4000-8000-0000000000a1',
  indicatorName: '服务企业数量',
  unit: '家',
  before: { target: '300', targetText: null },
  after: { target: '250', targetText: null },
  indicator: null,
  reason: '采购延期',
  evidence: [{ description: '说明' }],
  ...overrides,
});

describe('the adjustment form', () => {
  it('prints the wording first, else the number with its unit', () => {
    expect(valueText({ target: '250', targetText: null }, '家')).toBe('250家');
    expect(valueText({ target: '250', targetText: '≥250家' }, '家')).toBe('≥250家');
    expect(valueText(null, '家')).toBe('—');
  });

  it('turns the saved changes back into the body of a save, each kind with its own fields', () => {
    const dropped = change({
      id: '00000000-0000-4000-8000-000000000002',
      kind: 'drop',
      indicatorId: '00000000-0000-4000-8000-0000000000a2',
      after: null,
      evidence: [],
    });
    const detail = { changes: [change({}), dropped] } as AdjustmentDetail;
    expect(changesOf(detail)).toEqual([
      {
        kind: 'target',
        indicatorId: '00000000-0000-4000-8000-0000000000a1',
        target: '250',
        targetText: null,
        reason: '采购延期',
        evidence: [{ description: '说明' }],
      },
      { kind: 'drop', indicatorId: '00000000-0000-4000-8000-0000000000a2', reason: '采购延期', evidence: [] },
    ]);
    expect(changeOfLine(changesOf(detail), '00000000-0000-4000-8000-0000000000a2')).toBe(1);
    expect(changeOfLine(changesOf(detail), 'none')).toBe(-1);
  });
});
