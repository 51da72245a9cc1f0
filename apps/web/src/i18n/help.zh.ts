/** 帮助: a short guide per main page, opened from the header (issue 15). Lines are separated by \n. */
export const helpZh = {
  'help.button': '帮助',
  'help.rules': '依据',
  'help.none': '本页暂无使用说明。',
  'help.evaluations.title': '绩效自评',
  'help.evaluations.body':
    '这里列出你能看到的项目和部门整体绩效自评。\n点“新建自评”为一个项目或部门开一份草稿；已批复的绩效目标会自动带入指标。\n在列表中点项目名称打开自评，逐项填写完成值、偏差原因和佐证材料，得分和质量检查随填随算。\n填好后在自评页顶部“提交”，提交后由部门审核。',
  'help.evaluations.rules': '《项目支出绩效评价管理办法》（财预〔2020〕10号）',
  'help.evaluation.title': '一份绩效自评',
  'help.evaluation.body':
    '“绩效指标”按一级、二级、三级指标列出全部指标，点一行编辑完成值和偏差原因。\n“得分”按指标树的顺序给出每项得分及其计算说明；未填写任何完成值前显示“未评分”。\n“预算执行”可从预算指标台账取数。质量检查中的错误须先处理，才能提交。',
  'help.evaluation.rules': '财预〔2020〕10号附件：项目支出绩效评价指标体系框架',
  'help.reviews.title': '审核',
  'help.reviews.body':
    '这里是等你审核的自评，按截止日期排序。\n打开一份自评核对指标和佐证，再“审核通过”或“退回”；退回须写明意见，意见会显示给填报人。\n每一步都会请你确认，并记入审计日志。',
  'help.reviews.rules': '财预〔2020〕10号 第四章 绩效评价的组织实施',
  'help.declarations.title': '绩效目标申报',
  'help.declarations.body':
    '为下一年度的项目或部门填写绩效目标申报表：总体目标、资金和三级指标。\n检查随填随显；提交后依次经部门审核、财政审核和批复，批复后的版本是年终自评的目标。',
  'help.declarations.rules': '《中央部门预算绩效目标管理办法》（财预〔2015〕88号）',
  'help.ledger.title': '预算执行',
  'help.ledger.body':
    '按单位和年度查看预算指标的预算、计划、占用、已支付和可用余额。\n上方的指标卡片由台账算出，点分子或分母可列出对应的记录。\n大额预算可切换为“万元”阅读，换算精确到分。',
  'help.ledger.rules': '《行政事业单位内部控制规范（试行）》（财会〔2012〕21号）第三章 预算业务控制',
  'help.payments.title': '支付申请',
  'help.payments.body':
    '经办人填写支付申请，依次由财务审核、审批人审批、出纳支付。\n每个岗位在“我的待办”中看到轮到自己的申请；被退回的申请可由经办人修改后重新提交。\n可按状态、预算指标筛选，或搜索收款人、用途、发票号。',
  'help.payments.rules': '财会〔2012〕21号 第四章 收支业务控制（不相容岗位相互分离）',
  'help.procurements.title': '政府采购',
  'help.procurements.body':
    '登记采购需求、审批、确定供应商，再据此签订合同。\n采购预算占用所选预算指标的可用余额。可搜索编号、采购项目或供应商。',
  'help.procurements.rules': '财会〔2012〕21号 第五章 政府采购业务控制',
  'help.contracts.title': '合同',
  'help.contracts.body': '合同按付款节点分期，每个节点须验收后才能据以支付。\n签订人不得验收，验收人不得保管资产。',
  'help.contracts.rules': '财会〔2012〕21号 第八章 合同控制',
  'help.assets.title': '资产',
  'help.assets.body': '资产卡片、领用、盘点和处置。处置须经审批，盘点差异须说明原因。',
  'help.assets.rules': '财会〔2012〕21号 第六章 资产控制',
  'help.subsidies.title': '补助资金',
  'help.subsidies.body': '补助对象、拨付和跟踪回访。逾期未完成的跟踪会进入待办。',
  'help.subsidies.rules': '财会〔2012〕21号 第四章 收支业务控制',
  'help.audit.title': '审计日志',
  'help.audit.body':
    '每一次写入都记在这里：谁、何时、对哪条记录、由什么改为什么。\n可按记录类型、操作人、日期和记录编号筛选；展开一行可看逐字段的变化。\n系统管理员可校验哈希链，确认日志未被改动。',
  'help.audit.rules': '财会〔2012〕21号 第二章 风险评估和控制方法（信息系统控制）',
  'help.overview.title': '总览',
  'help.overview.body': '财政局看一年的自评进度、得分分布、优良率和异常，逐级下钻到部门、单位和自评。',
  'help.overview.rules': '财预〔2020〕10号；《关于全面实施预算绩效管理的意见》（中发〔2018〕34号）',
  'help.results.title': '结果应用',
  'help.results.body': '按自评等级给出下一年预算的建议（优 优先保障、良 保障、中 压减、差 取消或暂停），由财政局决定并写明理由。',
  'help.results.rules': '财预〔2020〕10号 第六章 评价结果应用及公开',
};
