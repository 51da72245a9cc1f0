import { describe, expect, it } from 'vitest';
import { adjustmentStatusesFor, decideAdjustmentStep } from '../policy/adjustment.ts';
import { BASE, CHANGE_CASES, STEP_CASES } from './adjustment.cases.ts';
import {
  ADJUSTMENT_STATUSES,
  ADJUSTMENT_TRANSITIONS,
  adjustmentPendingStage,
  applyChanges,
  checkChanges,
  isAdjustmentOpen,
} from './model.ts';

describe('the adjustment steps', () => {
  it.each(STEP_CASES)('$name', ({ status, action, userId, posts, opinion, departmentApprover, expected }) => {
    const decision = decideAdjustmentStep(
      action,
      { status, preparers: new Set(['preparer']), departmentApprover },
      { userId, posts },
      opinion,
    );
    if ('to' in expected) {
      expect(decision.ok ? decision.transition.to : decision.refusal).toBe(expected.to);
    } else {
      expect(decision.ok ? 'allowed' : decision.refusal.kind).toBe(expected.refused);
      if (!decision.ok) expect(decision.refusal.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('only approved and rejected requests are closed, and they take no step', () => {
    for (const status of ADJUSTMENT_STATUSES) {
      expect(isAdjustmentOpen(status)).toBe(status !== 'approved' && status !== 'rejected');
      expect(ADJUSTMENT_TRANSITIONS.some((entry) => entry.from === status)).toBe(isAdjustmentOpen(status));
    }
    expect(adjustmentPendingStage('returned')).toBe('unit');
    expect(adjustmentPendingStage('submitted')).toBe('department');
    expect(adjustmentPendingStage('department_approved')).toBe('finance');
    expect(adjustmentPendingStage('approved')).toBeUndefined();
  });

  it('the to-do statuses follow the posts', () => {
    expect(adjustmentStatusesFor(['preparer']).sort()).toEqual(['draft', 'returned']);
    expect(adjustmentStatusesFor(['department-reviewer'])).toEqual(['submitted']);
    expect(adjustmentStatusesFor(['finance-reviewer'])).toEqual(['department_approved']);
    expect(adjustmentStatusesFor(['auditor'])).toEqual([]);
  });
});

describe('the changes of a request', () => {
  it.each(CHANGE_CASES)('$name', ({ changes, problems, after }) => {
    const found = checkChanges(BASE, changes);
    expect(found.map((problem) => problem.field)).toEqual(problems);
    for (const problem of found) expect(problem.message).toMatch(/[\u4e00-\u9fa5]/);
    if (after) expect(applyChanges(BASE, changes).map((line) => [line.id, line.target, line.targetText])).toEqual(after);
  });

  it('leaves the approved lines themselves untouched', () => {
    const before = JSON.stringify(BASE);
    applyChanges(BASE, [{ kind: 'target', indicatorId: 'a', target: '1', targetText: null, reason: 'r' }]);
    expect(JSON.stringify(BASE)).toBe(before);
  });
});
