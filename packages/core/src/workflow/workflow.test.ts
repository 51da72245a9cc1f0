import { describe, expect, it } from 'vitest';
import { adjustingRoles, decideTransition, type EvaluationStatus, isEditable, TRANSITIONS, type WorkflowAction } from './workflow.ts';

const facts = (status: EvaluationStatus, preparers: string[] = ['alice'], departmentApprover?: string) => ({
  status,
  preparers: new Set(preparers),
  departmentApprover,
});

describe('the workflow table', () => {
  it.each<[WorkflowAction, EvaluationStatus, string[], EvaluationStatus | string]>([
    ['submit', 'draft', ['preparer'], 'submitted'],
    ['submit', 'returned', ['preparer'], 'submitted'],
    ['approve', 'submitted', ['department-reviewer'], 'department_approved'],
    ['approve', 'submitted', ['department-head'], 'department_approved'],
    ['return', 'submitted', ['department-reviewer'], 'returned'],
    ['approve', 'department_approved', ['finance-reviewer'], 'finance_approved'],
    ['return', 'department_approved', ['finance-reviewer'], 'returned'],
    ['publish', 'finance_approved', ['finance-reviewer'], 'published'],
    ['publish', 'finance_approved', ['department-head'], 'published'],
    ['submit', 'submitted', ['preparer'], 'invalid-transition'],
    ['approve', 'draft', ['department-reviewer'], 'invalid-transition'],
    ['publish', 'department_approved', ['finance-reviewer'], 'invalid-transition'],
    ['return', 'published', ['finance-reviewer'], 'invalid-transition'],
    ['approve', 'submitted', ['finance-reviewer'], 'role'],
    ['approve', 'department_approved', ['department-head'], 'role'],
    ['submit', 'draft', ['department-reviewer'], 'role'],
    ['publish', 'finance_approved', ['preparer'], 'role'],
    ['withdraw', 'published', ['finance-reviewer'], 'finance_approved'],
    ['withdraw', 'published', ['department-head'], 'finance_approved'],
    ['withdraw', 'finance_approved', ['finance-reviewer'], 'invalid-transition'],
    ['withdraw', 'published', ['department-reviewer'], 'role'],
    ['withdraw', 'published', ['preparer'], 'role'],
  ])('%s from %s by %j → %s', (action, status, roles, outcome) => {
    const decision = decideTransition(action, facts(status), { userId: 'bob', roles }, 'comment');
    if (decision.ok) expect(decision.transition.to).toBe(outcome);
    else expect(decision.refusal.kind).toBe(outcome);
  });

  it('never lets a preparer approve or publish what they prepared', () => {
    for (const [action, status, role] of [
      ['approve', 'submitted', 'department-reviewer'],
      ['approve', 'department_approved', 'finance-reviewer'],
      ['publish', 'finance_approved', 'finance-reviewer'],
      ['withdraw', 'published', 'finance-reviewer'],
    ] as const) {
      const decision = decideTransition(action, facts(status, ['bob']), { userId: 'bob', roles: [role] }, undefined);
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.refusal.kind).toBe('segregation');
    }
  });

  it('keeps the department and finance approvals in different hands', () => {
    const decision = decideTransition(
      'approve',
      facts('department_approved', [], 'carol'),
      { userId: 'carol', roles: ['finance-reviewer'] },
      undefined,
    );
    expect(decision).toEqual({
      ok: false,
      refusal: { kind: 'segregation', message: '不相容岗位相互分离：部门审核与财政复核不能由同一人完成' },
    });
  });

  it('needs a comment to return', () => {
    const decision = decideTransition('return', facts('submitted'), { userId: 'bob', roles: ['department-reviewer'] }, '  ');
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.refusal.kind).toBe('comment');
  });

  it('needs a reason to withdraw a publication, and says so', () => {
    const decision = decideTransition('withdraw', facts('published'), { userId: 'bob', roles: ['finance-reviewer'] }, '');
    expect(decision).toEqual({ ok: false, refusal: { kind: 'comment', message: '撤回公开必须填写撤回理由' } });
  });

  it('lets the unit edit only while it holds the evaluation, and each stage adjust its own', () => {
    expect(
      (['draft', 'returned', 'submitted', 'department_approved', 'finance_approved', 'published'] as const).filter(isEditable),
    ).toEqual(['draft', 'returned']);
    expect(adjustingRoles('submitted')).toEqual(['department-reviewer', 'department-head']);
    expect(adjustingRoles('department_approved')).toEqual(['finance-reviewer']);
    expect(adjustingRoles('published')).toEqual([]);
  });

  it('has exactly one transition per (action, status)', () => {
    const keys = TRANSITIONS.map((transition) => `${transition.action}:${transition.from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
