/** Daily use (issue 15): the audit log's filter by person, money units, help per page. */
export const dailyUseZh = {
  'audit.actorEntries': '{name}（{count} 条记录）',
  /** Brackets and list commas of the language: full-width in Chinese, ASCII with spaces in English. */
  'common.paren': '（{text}）',
  'common.comma': '，',
  'score.unscored': '未评分',
  'money.unit': '金额单位',
  'money.wan': '万元',
  'list.searchPayments': '收款人、用途、发票号或指标',
  'list.searchProcurements': '编号、采购项目、供应商或指标',
  'list.searchEvaluations': '项目名称、编码或单位',
  'list.searchContracts': '合同编号、名称或对方单位',
  'list.searchAssets': '资产编号、名称、类别、存放地点或保管人',
  'list.searchGrants': '补贴对象、统一社会信用代码、补贴项目或指标',
  'list.searchDeclarations': '项目名称、编码或单位',
  'list.searchRectifications': '问题、来源、责任人或单位',
  'list.department': '单位',
};
