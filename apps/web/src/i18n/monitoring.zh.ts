/** 绩效运行监控: the audit labels and to-do actions of tasks and forms. */
export const monitoringZh = {
  'entity.monitoring-task': '绩效运行监控任务',
  'entity.monitoring-form': '绩效运行监控表',
  'auditAction.monitoring.submit': '提交绩效运行监控表',
  'auditAction.monitoring.approve': '审核通过绩效运行监控表',
  'auditAction.monitoring.return': '退回绩效运行监控表',
  'auditAction.monitoring.rectify': '根据监控结果下发整改通知',
  'taskAction.monitoring-fill': '填报绩效运行监控表',
  'taskAction.monitoring-fix': '按审核意见修改绩效运行监控表',
  'taskAction.monitoring-review-department': '部门审核绩效运行监控表',
  'taskAction.monitoring-review-finance': '财政审核绩效运行监控表',
  'taskAction.monitoring-red': '处理红灯预警',
} as const;
