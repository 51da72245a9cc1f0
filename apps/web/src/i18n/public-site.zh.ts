/** 公开设置: what a department's public pages show beyond the published reports. */
export const publicSiteZh = {
  'publicSettings.title': '公开设置：{name}',
  'publicSettings.pickTitle': '各部门的公开设置',
  'publicSettings.pickDepartment': '选择部门，查看或修改其公开设置',
  'publicSettings.phone': '在公开报告页显示填报人联系电话',
  'publicSettings.rule':
    '默认不公开。联系电话属于个人信息，仅在本部门选择公开时显示在本部门及下属单位的公开报告页上；下载的 Word、PDF 和自评表均不含联系电话。',
  'publicSettings.updated': '{name} 于 {at} 修改',
  'publicSettings.readOnly': '公开设置由本部门的部门审核人或部门负责人修改。',
  'publicSettings.confirmOnTitle': '公开填报人联系电话？',
  'publicSettings.confirmOn': '确认后，公众可在“{name}”及其下属单位的公开报告页上看到填报人联系电话。此修改记入审计日志。',
  'publicSettings.confirmOffTitle': '不再公开填报人联系电话？',
  'publicSettings.confirmOff': '确认后，“{name}”的公开报告页不再显示填报人联系电话。此修改记入审计日志。',
  'publicSettings.saved': '公开设置已保存',
} as const;
