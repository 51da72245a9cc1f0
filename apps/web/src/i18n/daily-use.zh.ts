/** Daily use (issue 15): the audit log's filter by person, money units, help per page. */
export const dailyUseZh = {
  'audit.actorEntries': '{name}（{count} 条记录）',
};
