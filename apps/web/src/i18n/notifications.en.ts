import type { notificationsZh } from './notifications.zh.ts';

export const notificationsEn: Readonly<Record<keyof typeof notificationsZh, string>> = {
  'taskAction.payment-review': 'Review payment request',
  'taskAction.payment-approve': 'Approve payment request',
  'taskAction.payment-pay': 'Pay (cashier)',
  'taskAction.payment-fix': 'Correct and resubmit payment request',
  'taskAction.procurement-approve': 'Approve procurement',
  'taskAction.procurement-award': 'Record the supplier',
  'taskAction.contract-closure': 'Decide contract settlement/termination',
  'taskAction.asset-disposal': 'Decide asset disposal',
  'taskAction.budget-adjustment': 'Decide budget adjustment',
  'taskAction.subsidy-follow-up': 'Subsidy follow-up check',
  'paymentStep.resubmit': 'Correct and resubmit',
  'auditAction.resubmit': 'Corrected and resubmitted',
  'auditAction.workflow.withdraw': 'Withdrew publication',
  'notifications.title': 'Notifications',
  'notifications.none': 'No notifications',
  'notifications.readAll': 'Mark all read',
};
