import { describe, expect, it } from 'vitest';
import { decideRectificationStep } from '../policy/rectification.ts';
import { isRectificationOverdue, pendingStage, RECTIFICATION_STATUSES, RECTIFICATION_TRANSITIONS } from './model.ts';
import { OVERDUE_CASES, STEP_CASES } from './rectification.cases.ts';

describe('the rectification steps', () => {
  it.each(STEP_CASES)('$name', ({ status, action, userId, posts, text, answeredBy, expected }) => {
    const decision = decideRectificationStep(action, { status, issuedBy: 'issuer', answeredBy }, { userId, posts }, text);
    if ('to' in expected) {
      expect(decision.ok ? decision.transition.to : decision.refusal).toBe(expected.to);
    } else {
      expect(decision.ok ? 'allowed' : decision.refusal.kind).toBe(expected.refused);
      if (!decision.ok) expect(decision.refusal.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('every open state has a next step and closed has none', () => {
    for (const status of RECTIFICATION_STATUSES) {
      expect(RECTIFICATION_TRANSITIONS.some((entry) => entry.from === status)).toBe(status !== 'closed');
    }
    expect(pendingStage('issued')).toBe('unit');
    expect(pendingStage('reopened')).toBe('unit');
    expect(pendingStage('feedback_submitted')).toBe('verifier');
    expect(pendingStage('closed')).toBeUndefined();
  });
});

describe('overdue', () => {
  it.each(OVERDUE_CASES)('$name', ({ status, deadline, today, overdue }) => {
    expect(isRectificationOverdue(status, deadline, today)).toBe(overdue);
  });
});
