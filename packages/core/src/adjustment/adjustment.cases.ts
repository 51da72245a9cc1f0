import type { Role } from '../policy/roles.ts';
import type { AdjustableLine, AdjustmentAction, AdjustmentChange, AdjustmentStatus } from './model.ts';

const PREPARER = 'preparer';
const DEPARTMENT = 'department-reviewer-1';
const FINANCE = 'finance-reviewer-1';

interface StepCase {
  readonly name: string;
  readonly status: AdjustmentStatus;
  readonly action: AdjustmentAction;
  readonly userId: string;
  readonly posts: readonly Role[];
  readonly opinion?: string;
  readonly departmentApprover?: string;
  readonly expected: { to: AdjustmentStatus } | { refused: 'invalid-transition' | 'role' | 'segregation' | 'opinion' };
}

export const STEP_CASES: readonly StepCase[] = [
  {
    name: 'the unit submits its draft',
    status: 'draft',
    action: 'submit',
    userId: PREPARER,
    posts: ['preparer'],
    expected: { to: 'submitted' },
  },
  {
    name: 'the unit submits again after a return',
    status: 'returned',
    action: 'submit',
    userId: PREPARER,
    posts: ['preparer'],
    expected: { to: 'submitted' },
  },
  {
    name: 'the department approves',
    status: 'submitted',
    action: 'approve',
    userId: DEPARTMENT,
    posts: ['department-reviewer'],
    expected: { to: 'department_approved' },
  },
  {
    name: 'the department head may approve too',
    status: 'submitted',
    action: 'approve',
    userId: 'head',
    posts: ['department-head'],
    expected: { to: 'department_approved' },
  },
  {
    name: 'the department returns with an opinion',
    status: 'submitted',
    action: 'return',
    userId: DEPARTMENT,
    posts: ['department-reviewer'],
    opinion: '理由不充分',
    expected: { to: 'returned' },
  },
  {
    name: 'a return needs an opinion',
    status: 'submitted',
    action: 'return',
    userId: DEPARTMENT,
    posts: ['department-reviewer'],
    opinion: ' ',
    expected: { refused: 'opinion' },
  },
  {
    name: 'the department may not reject (only the finance bureau decides finally)',
    status: 'submitted',
    action: 'reject',
    userId: DEPARTMENT,
    posts: ['department-reviewer'],
    opinion: '不同意',
    expected: { refused: 'invalid-transition' },
  },
  {
    name: 'the finance bureau approves',
    status: 'department_approved',
    action: 'approve',
    userId: FINANCE,
    posts: ['finance-reviewer'],
    departmentApprover: DEPARTMENT,
    expected: { to: 'approved' },
  },
  {
    name: 'the finance bureau returns',
    status: 'department_approved',
    action: 'return',
    userId: FINANCE,
    posts: ['finance-reviewer'],
    opinion: '补充佐证',
    expected: { to: 'returned' },
  },
  {
    name: 'the finance bureau rejects with an opinion',
    status: 'department_approved',
    action: 'reject',
    userId: FINANCE,
    posts: ['finance-reviewer'],
    opinion: '调整理由不成立',
    expected: { to: 'rejected' },
  },
  {
    name: 'a rejection needs an opinion',
    status: 'department_approved',
    action: 'reject',
    userId: FINANCE,
    posts: ['finance-reviewer'],
    expected: { refused: 'opinion' },
  },
  {
    name: 'the requester may not approve at the department stage',
    status: 'submitted',
    action: 'approve',
    userId: PREPARER,
    posts: ['preparer', 'department-reviewer'],
    expected: { refused: 'segregation' },
  },
  {
    name: 'the requester may not approve at the finance stage',
    status: 'department_approved',
    action: 'approve',
    userId: PREPARER,
    posts: ['preparer', 'finance-reviewer'],
    expected: { refused: 'segregation' },
  },
  {
    name: 'the department approver may not give the finance approval',
    status: 'department_approved',
    action: 'approve',
    userId: DEPARTMENT,
    posts: ['department-reviewer', 'finance-reviewer'],
    departmentApprover: DEPARTMENT,
    expected: { refused: 'segregation' },
  },
  {
    name: 'a preparer may not approve at the department stage',
    status: 'submitted',
    action: 'approve',
    userId: 'another-preparer',
    posts: ['preparer'],
    expected: { refused: 'role' },
  },
  {
    name: 'a department reviewer may not give the finance approval',
    status: 'department_approved',
    action: 'approve',
    userId: DEPARTMENT,
    posts: ['department-reviewer'],
    expected: { refused: 'role' },
  },
  {
    name: 'a reviewer may not submit for the unit',
    status: 'draft',
    action: 'submit',
    userId: FINANCE,
    posts: ['finance-reviewer'],
    expected: { refused: 'role' },
  },
  {
    name: 'an approved request takes no step',
    status: 'approved',
    action: 'return',
    userId: FINANCE,
    posts: ['finance-reviewer'],
    opinion: '再议',
    expected: { refused: 'invalid-transition' },
  },
  {
    name: 'a rejected request cannot be resubmitted',
    status: 'rejected',
    action: 'submit',
    userId: PREPARER,
    posts: ['preparer'],
    expected: { refused: 'invalid-transition' },
  },
  {
    name: 'a draft cannot be approved before submission',
    status: 'draft',
    action: 'approve',
    userId: DEPARTMENT,
    posts: ['department-reviewer'],
    expected: { refused: 'invalid-transition' },
  },
];

type Line = AdjustableLine & { readonly unit: string | null };
const line = (
  id: string,
  name: string,
  target: string | null,
  nature: Line['nature'] = 'quantitative',
  targetText: string | null = null,
): Line => ({
  id,
  name,
  nature,
  target,
  targetText,
  unit: null,
});

export const BASE: readonly Line[] = [
  line('a', '设备采购数量', '120'),
  line('b', '验收合格率', '95'),
  line('c', '按期完成', null, 'qualitative', '12月底前完成'),
];

interface ChangeCase {
  readonly name: string;
  readonly changes: readonly AdjustmentChange<Line>[];
  /** The problems' fields in order (empty when the changes are well formed). */
  readonly problems: readonly string[];
  /** The ids and targets of the lines after the changes. */
  readonly after?: readonly (readonly [string, string | null, string | null])[];
}

export const CHANGE_CASES: readonly ChangeCase[] = [
  {
    name: 'a lowered target keeps its place and id',
    changes: [{ kind: 'target', indicatorId: 'a', target: '100', targetText: null, reason: '采购延期' }],
    problems: [],
    after: [
      ['a', '100', null],
      ['b', '95', null],
      ['c', null, '12月底前完成'],
    ],
  },
  {
    name: 'a dropped line leaves and an added one follows',
    changes: [
      { kind: 'drop', indicatorId: 'b', reason: '验收标准取消' },
      { kind: 'add', indicator: line('d', '培训人次', '300'), reason: '新增培训任务' },
    ],
    problems: [],
    after: [
      ['a', '120', null],
      ['c', null, '12月底前完成'],
      ['d', '300', null],
    ],
  },
  {
    name: 'a qualitative line changes its wording',
    changes: [{ kind: 'target', indicatorId: 'c', target: null, targetText: '次年3月底前完成', reason: '工期顺延' }],
    problems: [],
    after: [
      ['a', '120', null],
      ['b', '95', null],
      ['c', null, '次年3月底前完成'],
    ],
  },
  { name: 'a request with no change', changes: [], problems: ['changes'] },
  {
    name: 'every change needs its reason',
    changes: [{ kind: 'target', indicatorId: 'a', target: '100', targetText: null, reason: '  ' }],
    problems: ['reason'],
  },
  {
    name: 'the same value written differently is no change (120 = 120.00)',
    changes: [{ kind: 'target', indicatorId: 'a', target: '120.00', targetText: null, reason: '无' }],
    problems: ['target'],
  },
  {
    name: 'a quantitative line keeps a value',
    changes: [{ kind: 'target', indicatorId: 'b', target: null, targetText: '基本合格', reason: '标准变化' }],
    problems: ['target'],
  },
  {
    name: 'a change must name an approved line',
    changes: [{ kind: 'drop', indicatorId: 'x', reason: '不需要' }],
    problems: ['indicatorId'],
  },
  {
    name: 'one change per line',
    changes: [
      { kind: 'target', indicatorId: 'a', target: '100', targetText: null, reason: '采购延期' },
      { kind: 'drop', indicatorId: 'a', reason: '取消' },
    ],
    problems: ['indicatorId'],
  },
  {
    name: 'an added line may not reuse an approved id',
    changes: [{ kind: 'add', indicator: line('a', '重复', '1'), reason: '新增' }],
    problems: ['indicatorId'],
  },
  {
    name: 'dropping every line leaves nothing to evaluate',
    changes: [
      { kind: 'drop', indicatorId: 'a', reason: '取消' },
      { kind: 'drop', indicatorId: 'b', reason: '取消' },
      { kind: 'drop', indicatorId: 'c', reason: '取消' },
    ],
    problems: ['changes'],
  },
];
