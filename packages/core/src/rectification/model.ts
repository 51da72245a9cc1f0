/**
 * 整改 (rectification): the finance bureau (or a department over its units) issues a notice
 * (整改通知) with the problem, the required measures, the owner and a deadline; the unit answers with
 * feedback and evidence; the issuer's side verifies and either closes the item or re-opens it with an
 * opinion, and the unit answers again. The states and steps are defined here once, without IO.
 */
export const RECTIFICATION_STATUSES = ['issued', 'feedback_submitted', 'reopened', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABEL: Readonly<Record<RectificationStatus, string>> = {
  issued: '待反馈',
  feedback_submitted: '待核验',
  reopened: '已退回重新整改',
  closed: '已销号',
};

/** Where the problem was found. */
export const RECTIFICATION_SOURCE_KINDS = ['self-evaluation', 'monitoring', 're-review', 'audit', 'other'] as const;
export type RectificationSourceKind = (typeof RECTIFICATION_SOURCE_KINDS)[number];

export const RECTIFICATION_SOURCE_LABEL: Readonly<Record<RectificationSourceKind, string>> = {
  'self-evaluation': '绩效自评发现的问题',
  monitoring: '绩效运行监控预警',
  're-review': '抽查复核结果',
  audit: '审计或检查发现的问题',
  other: '其他',
};

/** The named steps after the notice: the unit's feedback, the verifier's decision. */
export const RECTIFICATION_ACTIONS = ['feedback', 'close', 'reopen'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export const RECTIFICATION_ACTION_LABEL: Readonly<Record<RectificationAction | 'issue', string>> = {
  issue: '下发整改通知',
  feedback: '提交整改反馈',
  close: '核验通过并销号',
  reopen: '核验不通过，退回重新整改',
};

export type RectificationStage = 'unit' | 'verifier';

export interface RectificationTransition {
  readonly action: RectificationAction;
  readonly from: RectificationStatus;
  readonly to: RectificationStatus;
  readonly stage: RectificationStage;
}

export const RECTIFICATION_TRANSITIONS: readonly RectificationTransition[] = [
  { action: 'feedback', from: 'issued', to: 'feedback_submitted', stage: 'unit' },
  { action: 'feedback', from: 'reopened', to: 'feedback_submitted', stage: 'unit' },
  { action: 'close', from: 'feedback_submitted', to: 'closed', stage: 'verifier' },
  { action: 'reopen', from: 'feedback_submitted', to: 'reopened', stage: 'verifier' },
];

/** The step `action` from `status`, or undefined when the state machine has none. */
export function transitionOf(status: RectificationStatus, action: RectificationAction): RectificationTransition | undefined {
  return RECTIFICATION_TRANSITIONS.find((entry) => entry.from === status && entry.action === action);
}

/** Open: not yet closed (an open item blocks a second notice on the same source and carries into the next year). */
export const isRectificationOpen = (status: RectificationStatus): boolean => status !== 'closed';

/**
 * Overdue: the deadline (a date, China time) has passed and the item is not closed. `today` is the
 * server clock's date in China (yyyy-mm-dd); the deadline day itself is still in time.
 */
export function isRectificationOverdue(status: RectificationStatus, deadline: string, today: string): boolean {
  return isRectificationOpen(status) && today > deadline;
}

/** Who is expected to act next: the unit while issued or re-opened, the verifier while feedback waits. */
export function pendingStage(status: RectificationStatus): RectificationStage | undefined {
  return RECTIFICATION_TRANSITIONS.find((entry) => entry.from === status)?.stage;
}
