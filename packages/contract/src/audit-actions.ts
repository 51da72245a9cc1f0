/**
 * Every action the server records in the audit log (审计日志), defined once: the audit writer takes
 * only these, and the web app has a Chinese and an English label for each (a test checks both).
 */
export const AUDIT_ACTIONS = [
  'login',
  'login-failed',
  'login-failed-locked',
  'login-refused-locked',
  'logout',
  'password-changed',
  'password-reset',
  'create',
  'update',
  'delete',
  'upload',
  'import',
  'import-workbook',
  'import-budget-lines',
  'import-payments',
  'adjust',
  'save',
  'workflow.submit',
  'workflow.approve',
  'workflow.return',
  'workflow.publish',
  // 支付申请: 申请 → 审核 → 审批 → 支付 → 归档, or 驳回; the same words serve 采购 and 预算调整.
  'request',
  'review',
  'approve',
  'pay',
  'archive',
  'reject',
  'award',
  'cancel',
  'accept',
  'record',
  'publish',
  'closure.request',
  'closure.approve',
  'closure.reject',
  'disposal.request',
  'disposal.approve',
  'disposal.reject',
  // 事前绩效评估: graded with 'save', concluded once.
  'conclude',
  // 满意度调查: a response excluded from the results, with its reason.
  'exclude',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
