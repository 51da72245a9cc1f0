/** 待办与消息通知: the internal-control to-dos, payment resubmission, withdrawal of a publication, the bell. */
export const notificationsZh = {
  'taskAction.payment-review': '财务审核支付申请',
  'taskAction.payment-approve': '审批支付申请',
  'taskAction.payment-pay': '出纳支付',
  'taskAction.payment-fix': '修改支付申请后重新提交',
  'taskAction.procurement-approve': '审批采购需求',
  'taskAction.procurement-award': '确定供应商',
  'taskAction.contract-closure': '审批合同结清/终止',
  'taskAction.asset-disposal': '审批资产处置',
  'taskAction.budget-adjustment': '审批预算调整',
  'taskAction.subsidy-follow-up': '补贴事后跟踪检查',
  'paymentStep.resubmit': '修改后重新提交',
  'auditAction.resubmit': '修改后重新提交',
  'auditAction.workflow.withdraw': '撤回公开',
  'notifications.title': '消息通知',
  'notifications.none': '暂无消息',
  'notifications.readAll': '全部标为已读',
} as const;
