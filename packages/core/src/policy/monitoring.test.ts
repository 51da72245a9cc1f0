import { describe, expect, it } from 'vitest';
import { type MonitoringFormStatus, submissionProblems } from '../monitoring/form.ts';
import { decideMonitoringStep, mayEditMonitoringForm, monitoringStatusesFor } from './monitoring.ts';
import type { Role } from './roles.ts';

const facts = (status: MonitoringFormStatus, departmentApprover?: string) => ({
  status,
  preparers: new Set(['filler']),
  departmentApprover,
});
const actor = (userId: string, ...posts: Role[]) => ({ userId, posts });

describe('monitoring form policy', () => {
  it.each<[string, MonitoringFormStatus, ReturnType<typeof actor>, string | undefined, MonitoringFormStatus]>([
    ['submit', 'draft', actor('filler', 'preparer'), undefined, 'submitted'],
    ['submit', 'returned', actor('filler', 'preparer'), undefined, 'submitted'],
    ['approve', 'submitted', actor('dept', 'department-reviewer'), undefined, 'department_approved'],
    ['approve', 'submitted', actor('head', 'department-head'), undefined, 'department_approved'],
    ['return', 'submitted', actor('dept', 'department-reviewer'), '请补充', 'returned'],
    ['approve', 'department_approved', actor('fin', 'finance-reviewer'), '同意', 'finance_approved'],
    ['return', 'department_approved', actor('fin', 'finance-reviewer'), '请修改', 'returned'],
  ])('%s on %s by %j moves to %s', (action, status, who, opinion, to) => {
    const decision = decideMonitoringStep(action as 'submit', facts(status), who, opinion);
    expect(decision.ok && decision.transition.to).toBe(to);
  });

  it.each<[string, MonitoringFormStatus, ReturnType<typeof actor>, string | undefined, string | undefined, string]>([
    ['approve', 'draft', actor('dept', 'department-reviewer'), undefined, undefined, 'invalid-transition'],
    ['submit', 'finance_approved', actor('filler', 'preparer'), undefined, undefined, 'invalid-transition'],
    ['submit', 'draft', actor('dept', 'department-reviewer'), undefined, undefined, 'role'],
    ['approve', 'department_approved', actor('dept', 'department-reviewer'), '同意', undefined, 'role'],
    ['approve', 'submitted', actor('filler', 'preparer', 'department-reviewer'), undefined, undefined, 'segregation'],
    ['approve', 'department_approved', actor('both', 'finance-reviewer'), '同意', 'both', 'segregation'],
    ['return', 'submitted', actor('dept', 'department-reviewer'), '  ', undefined, 'opinion'],
    ['approve', 'department_approved', actor('fin', 'finance-reviewer'), undefined, undefined, 'opinion'],
  ])('refuses %s on %s by %j (%s)', (action, status, who, opinion, approver, kind) => {
    const decision = decideMonitoringStep(action as 'approve', facts(status, approver), who, opinion);
    expect(decision.ok ? 'ok' : decision.refusal.kind).toBe(kind);
  });

  it('only the 填报人 edits, while the unit holds the form; each post sees its own queue', () => {
    expect(mayEditMonitoringForm(['preparer'], 'returned')).toBe(true);
    expect(mayEditMonitoringForm(['preparer'], 'submitted')).toBe(false);
    expect(mayEditMonitoringForm(['department-reviewer'], 'draft')).toBe(false);
    expect(monitoringStatusesFor(['preparer'])).toEqual(['draft', 'returned']);
    expect(monitoringStatusesFor(['finance-reviewer'])).toEqual(['department_approved']);
  });
});

describe('monitoring form submission', () => {
  const row = { id: 'i', name: '培训人次', light: 'green' as const, actualToDate: '800', likelihood: 'certain' as const, reasons: [] };

  it('passes a complete green row and names every missing field of a red one', () => {
    expect(submissionProblems([row])).toEqual([]);
    const red = { ...row, light: 'red' as const, actualToDate: ' ', likelihood: null, measures: '' };
    expect(submissionProblems([row, red]).map((problem) => [problem.index, problem.field])).toEqual([
      [1, 'actualToDate'],
      [1, 'likelihood'],
      [1, 'reasons'],
      [1, 'measures'],
    ]);
    expect(submissionProblems([red])[2]?.message).toBe(
      '第 1 项指标“培训人次”为红灯，须选择偏差原因（经费、制度、人员、硬件条件保障或其他）',
    );
  });

  it('asks a yellow light for reasons too, and 其他 for its words; blue and none ask nothing more', () => {
    const yellow = { ...row, light: 'yellow' as const, reasons: ['other' as const], measures: '加快进度' };
    expect(submissionProblems([yellow]).map((problem) => problem.field)).toEqual(['reasonText']);
    expect(submissionProblems([{ ...yellow, reasonText: '场地改造' }])).toEqual([]);
    expect(
      submissionProblems([
        { ...row, light: 'blue' as const },
        { ...row, light: 'none' as const },
      ]),
    ).toEqual([]);
  });
});
