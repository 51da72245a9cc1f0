import type { monitoringZh } from './monitoring.zh.ts';

export const monitoringEn: Readonly<Record<keyof typeof monitoringZh, string>> = {
  'entity.monitoring-task': 'Performance monitoring task',
  'entity.monitoring-form': 'Performance monitoring form',
  'auditAction.monitoring.submit': 'Monitoring form submitted',
  'auditAction.monitoring.approve': 'Monitoring form approved',
  'auditAction.monitoring.return': 'Monitoring form returned',
  'auditAction.monitoring.rectify': 'Rectification issued from monitoring',
  'taskAction.monitoring-fill': 'Fill in the monitoring form',
  'taskAction.monitoring-fix': 'Revise the returned monitoring form',
  'taskAction.monitoring-review-department': 'Review monitoring form (department)',
  'taskAction.monitoring-review-finance': 'Review monitoring form (finance)',
  'taskAction.monitoring-red': 'Act on a red light',
};
