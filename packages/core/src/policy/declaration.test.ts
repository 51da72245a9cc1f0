import { describe, expect, it } from 'vitest';
import { type DeclarationStatus, decideDeclarationStep, declarationStatusesFor, mayEditDeclaration } from './declaration.ts';
import type { Role } from './roles.ts';

const facts = (status: DeclarationStatus, departmentApprover?: string) => ({
  status,
  preparers: new Set(['drafter']),
  departmentApprover,
});
const actor = (userId: string, ...posts: Role[]) => ({ userId, posts });

describe('declaration policy', () => {
  it.each<[string, DeclarationStatus, ReturnType<typeof actor>, string | undefined, string]>([
    ['submit', 'draft', actor('drafter', 'preparer'), undefined, 'submitted'],
    ['submit', 'returned', actor('drafter', 'preparer'), undefined, 'submitted'],
    ['approve', 'submitted', actor('dept', 'department-reviewer'), undefined, 'department_approved'],
    ['approve', 'submitted', actor('head', 'department-head'), undefined, 'department_approved'],
    ['return', 'submitted', actor('dept', 'department-reviewer'), '请补充', 'returned'],
    ['approve', 'department_approved', actor('fin', 'finance-reviewer'), undefined, 'approved'],
    ['return', 'department_approved', actor('fin', 'finance-reviewer'), '请修改', 'returned'],
  ])('%s on %s by %j moves to %s', (action, status, who, comment, to) => {
    const decision = decideDeclarationStep(action as 'submit', facts(status), who, comment);
    expect(decision.ok && decision.transition.to).toBe(to);
  });

  it.each<[string, DeclarationStatus, ReturnType<typeof actor>, string | undefined, string | undefined, string]>([
    ['approve', 'draft', actor('dept', 'department-reviewer'), undefined, undefined, 'invalid-transition'],
    ['approve', 'approved', actor('fin', 'finance-reviewer'), undefined, undefined, 'invalid-transition'],
    ['submit', 'draft', actor('dept', 'department-reviewer'), undefined, undefined, 'role'],
    ['approve', 'department_approved', actor('dept', 'department-reviewer'), undefined, undefined, 'role'],
    ['approve', 'submitted', actor('drafter', 'preparer', 'department-reviewer'), undefined, undefined, 'segregation'],
    ['approve', 'department_approved', actor('both', 'finance-reviewer'), undefined, 'both', 'segregation'],
    ['return', 'submitted', actor('dept', 'department-reviewer'), '  ', undefined, 'comment'],
  ])('refuses %s on %s by %j (%s)', (action, status, who, comment, approver, kind) => {
    const decision = decideDeclarationStep(action as 'approve', facts(status, approver), who, comment);
    expect(decision.ok ? 'ok' : decision.refusal.kind).toBe(kind);
  });

  it('only the 填报人 edits, and only while the unit holds it', () => {
    expect(mayEditDeclaration(['preparer'], 'returned')).toBe(true);
    expect(mayEditDeclaration(['preparer'], 'approved')).toBe(false);
    expect(mayEditDeclaration(['department-head'], 'draft')).toBe(false);
  });

  it('names the statuses waiting for each post', () => {
    expect(declarationStatusesFor(['preparer'])).toEqual(['draft', 'returned']);
    expect(declarationStatusesFor(['department-head'])).toEqual(['submitted']);
    expect(declarationStatusesFor(['finance-reviewer'])).toEqual(['department_approved']);
    expect(declarationStatusesFor(['auditor'])).toEqual([]);
  });
});
