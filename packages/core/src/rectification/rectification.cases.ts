import type { Role } from '../policy/roles.ts';
import type { RectificationAction, RectificationStatus } from './model.ts';

const ISSUER = 'issuer';
const PREPARER = 'preparer';
const OTHER_REVIEWER = 'reviewer-2';

interface StepCase {
  readonly name: string;
  readonly status: RectificationStatus;
  readonly action: RectificationAction;
  readonly userId: string;
  readonly posts: readonly Role[];
  readonly text?: string;
  readonly answeredBy?: string;
  /** The status reached, or the refusal's kind. */
  readonly expected: { to: RectificationStatus } | { refused: 'invalid-transition' | 'role' | 'segregation' | 'opinion' };
}

export const STEP_CASES: readonly StepCase[] = [
  {
    name: 'the unit answers an issued notice',
    status: 'issued',
    action: 'feedback',
    userId: PREPARER,
    posts: ['preparer'],
    text: '已补充指标',
    expected: { to: 'feedback_submitted' },
  },
  {
    name: 'the unit answers again after a re-opening',
    status: 'reopened',
    action: 'feedback',
    userId: PREPARER,
    posts: ['preparer'],
    text: '再次补充',
    expected: { to: 'feedback_submitted' },
  },
  {
    name: 'a verifier closes the answered item',
    status: 'feedback_submitted',
    action: 'close',
    userId: ISSUER,
    posts: ['finance-reviewer'],
    text: '整改到位',
    answeredBy: PREPARER,
    expected: { to: 'closed' },
  },
  {
    name: 'a department reviewer may verify over its units',
    status: 'feedback_submitted',
    action: 'reopen',
    userId: OTHER_REVIEWER,
    posts: ['department-reviewer'],
    text: '佐证不足',
    answeredBy: PREPARER,
    expected: { to: 'reopened' },
  },
  {
    name: 'no feedback without its text',
    status: 'issued',
    action: 'feedback',
    userId: PREPARER,
    posts: ['preparer'],
    text: '  ',
    expected: { refused: 'opinion' },
  },
  {
    name: 'no decision without an opinion',
    status: 'feedback_submitted',
    action: 'close',
    userId: ISSUER,
    posts: ['finance-reviewer'],
    answeredBy: PREPARER,
    expected: { refused: 'opinion' },
  },
  {
    name: 'the issuer may not answer (they hold both posts)',
    status: 'issued',
    action: 'feedback',
    userId: ISSUER,
    posts: ['preparer', 'finance-reviewer'],
    text: '自答',
    expected: { refused: 'segregation' },
  },
  {
    name: 'the answerer may not verify (they hold both posts)',
    status: 'feedback_submitted',
    action: 'close',
    userId: PREPARER,
    posts: ['preparer', 'finance-reviewer'],
    text: '自核',
    answeredBy: PREPARER,
    expected: { refused: 'segregation' },
  },
  {
    name: 'a reviewer without the preparer post may not answer',
    status: 'issued',
    action: 'feedback',
    userId: OTHER_REVIEWER,
    posts: ['finance-reviewer'],
    text: '代答',
    expected: { refused: 'role' },
  },
  {
    name: 'a preparer may not verify',
    status: 'feedback_submitted',
    action: 'close',
    userId: 'someone',
    posts: ['preparer'],
    text: '通过',
    answeredBy: PREPARER,
    expected: { refused: 'role' },
  },
  {
    name: 'a closed item takes no step',
    status: 'closed',
    action: 'feedback',
    userId: PREPARER,
    posts: ['preparer'],
    text: '补充',
    expected: { refused: 'invalid-transition' },
  },
  {
    name: 'an issued item cannot be closed before feedback',
    status: 'issued',
    action: 'close',
    userId: ISSUER,
    posts: ['finance-reviewer'],
    text: '直接销号',
    expected: { refused: 'invalid-transition' },
  },
  {
    name: 'a waiting feedback cannot be answered twice',
    status: 'feedback_submitted',
    action: 'feedback',
    userId: PREPARER,
    posts: ['preparer'],
    text: '再答',
    expected: { refused: 'invalid-transition' },
  },
];

export const OVERDUE_CASES: readonly { name: string; status: RectificationStatus; deadline: string; today: string; overdue: boolean }[] = [
  { name: 'the deadline day itself is in time', status: 'issued', deadline: '2025-06-30', today: '2025-06-30', overdue: false },
  { name: 'the day after the deadline is overdue', status: 'issued', deadline: '2025-06-30', today: '2025-07-01', overdue: true },
  {
    name: 'waiting for verification still counts',
    status: 'feedback_submitted',
    deadline: '2025-06-30',
    today: '2026-01-01',
    overdue: true,
  },
  { name: 're-opened past the deadline is overdue', status: 'reopened', deadline: '2025-06-30', today: '2025-12-31', overdue: true },
  { name: 'a closed item is never overdue', status: 'closed', deadline: '2025-06-30', today: '2026-12-31', overdue: false },
  { name: 'before the deadline', status: 'issued', deadline: '2025-06-30', today: '2025-01-15', overdue: false },
];
