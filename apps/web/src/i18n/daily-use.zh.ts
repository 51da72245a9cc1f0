/** Daily use (issue 15): the audit log's filter by person, money units, help per page. */
export const dailyUseZh = {
  'audit.actorEntries': '{name}（{count} 条记录）',
  /** Brackets and list commas of the language: full-width in Chinese, ASCII with spaces in English. */
  'common.paren': '（{text}）',
  'common.comma': '，',
  'score.unscored': '未评分',
  'money.unit': '金额单位',
  'money.wan': '万元',
};
