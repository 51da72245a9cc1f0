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
  // 撤回公开: a published report taken off the public site, with its reason.
  'workflow.withdraw',
  // 支付申请: 申请 → 审核 → 审批 → 支付 → 归档, or 驳回; the same words serve 采购 and 预算调整.
  'request',
  'review',
  'approve',
  'pay',
  'archive',
  'reject',
  // 支付申请: a rejected request corrected and resubmitted by its requester.
  'resubmit',
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
  // 整改: the notice is 'create'; the unit's feedback and the verifier's decision.
  'rectification.feedback',
  'rectification.close',
  'rectification.reopen',
  // 绩效目标调整: the request is 'create' and its changes 'update'; then the workflow steps.
  'adjustment.submit',
  'adjustment.approve',
  'adjustment.return',
  'adjustment.reject',
  // 结果应用: the bureau's decision on a result's next-year treatment.
  'result.decide',
  // 绩效运行监控: the task is 'create' (its forms with it) and a form's filling 'update'; then the form's steps.
  'monitoring.submit',
  'monitoring.approve',
  'monitoring.return',
  'monitoring.rectify',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Every kind of record the audit log names, defined once: the writer takes only these, and the audit page
 * filters by them with a label for each.
 */
export const AUDIT_ENTITY_TYPES = [
  'evaluation',
  'goal',
  'indicator',
  'management',
  'attachment',
  'published-report',
  'declaration',
  'ex-ante-assessment',
  'budget-line',
  'budget-adjustment',
  'payment-plan',
  'payment-request',
  'procurement',
  'contract',
  'contract-milestone',
  'asset',
  'stocktake',
  'subsidy-recipient',
  'subsidy-grant',
  'subsidy-follow-up',
  'self-assessment',
  'import',
  'import-job',
  'user',
  'organisation',
  'fiscal-year',
  'project',
  'monitoring-rule-set',
  'monitoring-task',
  'monitoring-form',
  'survey',
  'survey-response',
  'indicator-library',
  'rereview-round',
  'rereview-sample',
  'rectification',
  'target-adjustment',
  'result-decision',
  'public-settings',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/**
 * Fields an auditor cannot read as a value: record and user ids (the entry names its subject and actor
 * already), hashes, secrets and the version counter. The readable view leaves them out; the raw JSON keeps them.
 */
export function isInternalAuditField(key: string): boolean {
  return /(^id$|Id$|By$|^by$|Hash$|^hash$|^sha256$|Token$|^version$|^seq$|^revision$)/.test(key);
}
