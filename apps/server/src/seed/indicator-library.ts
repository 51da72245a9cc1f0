/**
 * The common-indicator library (通用共性指标库) seeded into a new database, by project category.
 * Source: docs/rules.md §4.5 (购置 / 培训 / 会议 / 文字成果 examples) and §4.1 (the 产出 / 效益 / 满意度
 * taxonomy); the 补贴 / 建设 / 信息化 entries follow the same pattern (a design choice). Administrators extend it.
 * Codes are the category's prefix and the entry's place in it; data source and evidence follow the
 * 二级指标 (what 财预〔2020〕10号 asks each kind of indicator to be measured by).
 */
export interface LibraryEntry {
  readonly category: string;
  readonly level1: 'output' | 'effect' | 'satisfaction';
  readonly level2: string;
  readonly name: string;
  readonly direction: string;
  readonly unit: string | null;
  readonly targetHint: string;
  readonly description: string;
}

const entry = (
  category: string,
  level1: LibraryEntry['level1'],
  level2: string,
  name: string,
  direction: string,
  unit: string | null,
  targetHint: string,
  description: string,
): LibraryEntry => ({
  category,
  level1,
  level2,
  name,
  direction,
  unit,
  targetHint,
  description,
});

const satisfaction = (category: string, who: string) =>
  entry(category, 'satisfaction', 'beneficiary', `${who}满意度`, '>=', '%', '≥90', '满意人数 ÷ 有效调查人数；注明调查方式与样本量');

const ENTRIES: readonly LibraryEntry[] = [
  entry('购置', 'output', 'quantity', '设备购置数量', '>=', '台（套）', '按采购计划', '实际购置并验收的数量'),
  entry('购置', 'output', 'quality', '设备验收合格率', '>=', '%', '100', '验收合格数量 ÷ 购置数量'),
  entry('购置', 'output', 'timeliness', '购置完成时限', '<=', '日期', '如“12月底前”', '按合同约定日期完成采购与验收'),
  entry('购置', 'output', 'cost', '设备单价', '<=', '万元/台', '不超过预算单价', '实际采购单价'),
  entry('购置', 'output', 'cost', '政府采购节支率', '>=', '%', '≥0', '(预算金额 − 中标金额) ÷ 预算金额'),
  entry('购置', 'output', 'quality', '政府采购率', '>=', '%', '100', '按规定实施政府采购的金额 ÷ 应采购金额'),
  entry('购置', 'effect', 'sustainability', '设备使用率', '>=', '%', '≥90', '在用设备 ÷ 购置设备'),
  satisfaction('购置', '使用人员'),
  entry('培训', 'output', 'quantity', '培训期数', '>=', '期', '按年度计划', '实际举办的培训班期数'),
  entry('培训', 'output', 'quantity', '培训人次', '>=', '人次', '按年度计划', '实际参训人次（以签到表为准）'),
  entry('培训', 'output', 'quality', '参训率', '>=', '%', '≥90', '实际参训人数 ÷ 应参训人数'),
  entry('培训', 'output', 'quality', '培训考核合格率', '>=', '%', '≥90', '考核合格人数 ÷ 参加考核人数'),
  entry('培训', 'output', 'timeliness', '培训按计划完成率', '>=', '%', '100', '按计划时间完成的期数 ÷ 计划期数'),
  entry('培训', 'output', 'cost', '人均培训成本', '<=', '元/人次', '不超过标准', '培训总支出 ÷ 培训人次'),
  satisfaction('培训', '参训人员'),
  entry('会议', 'output', 'quantity', '会议次数', '>=', '次', '按年度计划', '实际召开的会议次数'),
  entry('会议', 'output', 'quantity', '参会人次', '>=', '人次', '按会议方案', '实际参会人次'),
  entry('会议', 'output', 'timeliness', '会议按期召开率', '>=', '%', '100', '按期召开的会议 ÷ 计划会议'),
  entry('会议', 'output', 'cost', '会议费支出标准执行率', '<=', '%', '≤100', '实际人均会议费 ÷ 会议费开支标准'),
  satisfaction('会议', '参会人员'),
  entry('补贴', 'output', 'quantity', '补贴（奖励）企业数量', '>=', '家', '按申报评审结果', '实际获得补贴的企业数量'),
  entry('补贴', 'output', 'timeliness', '补贴资金及时足额率', '>=', '%', '≥90', '按期足额拨付的金额 ÷ 应拨付金额（不是“已拨付 ÷ 预算”）'),
  entry('补贴', 'output', 'quality', '补贴对象审核合规率', '>=', '%', '100', '审核合规的对象 ÷ 补贴对象'),
  entry(
    '补贴',
    'output',
    'quality',
    '拨付后跟踪检查覆盖率',
    '>=',
    '%',
    '100',
    '完成事后跟踪检查的企业 ÷ 获补贴企业（回应“事后监管力度不强”）',
  ),
  entry('补贴', 'output', 'cost', '成本控制率', '<=', '%', '≤0', '(实际成本 − 预算成本) ÷ 预算成本'),
  entry('补贴', 'effect', 'economic', '带动企业投资', '>=', '亿元', '按政策目标', '获补贴企业新增投资额'),
  satisfaction('补贴', '受补贴企业'),
  entry('建设', 'output', 'quantity', '建设完成工程量', '>=', '项', '按建设计划', '已完成并通过验收的工程量'),
  entry('建设', 'output', 'quality', '工程验收合格率', '>=', '%', '100', '验收合格的分项工程 ÷ 全部分项工程'),
  entry('建设', 'output', 'timeliness', '工程按期完工率', '>=', '%', '100', '按期完工的工程 ÷ 计划工程'),
  entry('建设', 'output', 'cost', '工程造价控制率', '<=', '%', '≤100', '结算造价 ÷ 批复概算'),
  entry('建设', 'effect', 'sustainability', '设施使用年限', '>=', '年', '按设计标准', '设施设计使用年限'),
  satisfaction('建设', '使用单位'),
  entry('信息化', 'output', 'quantity', '系统功能模块上线数', '>=', '个', '按建设方案', '通过验收并上线的功能模块'),
  entry('信息化', 'output', 'quality', '系统可用率', '>=', '%', '≥99', '系统正常运行时间 ÷ 总时间'),
  entry('信息化', 'output', 'quality', '等保测评通过率', '>=', '%', '100', '通过网络安全等级保护测评的系统 ÷ 应测评系统'),
  entry('信息化', 'output', 'timeliness', '系统上线时限', '<=', '日期', '如“9月底前”', '按合同约定上线'),
  entry('信息化', 'effect', 'social', '网上办理率', '>=', '%', '按政策目标', '网上办理事项 ÷ 可办理事项'),
  satisfaction('信息化', '系统用户'),
  entry('文字成果', 'output', 'quantity', '研究报告数量', '>=', '份', '按研究计划', '完成的研究报告'),
  entry('文字成果', 'output', 'quality', '报告评审通过率', '>=', '%', '100', '通过评审的报告 ÷ 完成的报告'),
  entry('文字成果', 'effect', 'social', '成果采纳率', '>=', '%', '按研究计划', '被采纳的建议 ÷ 提出的建议'),
  satisfaction('文字成果', '委托单位'),
];

const PREFIX: Readonly<Record<string, string>> = {
  购置: 'GZ',
  培训: 'PX',
  会议: 'HY',
  补贴: 'BT',
  建设: 'JS',
  信息化: 'XX',
  文字成果: 'WZ',
};

const SOURCE_BY_LEVEL2: Readonly<Record<string, { dataSource: string; evidence: string }>> = {
  quantity: { dataSource: '项目台账、验收资料', evidence: '验收单、台账、签到表等' },
  quality: { dataSource: '验收报告、检查记录', evidence: '验收报告、检测或考核记录' },
  timeliness: { dataSource: '合同、验收记录', evidence: '合同、验收单（注明日期）' },
  cost: { dataSource: '会计账簿、决算资料', evidence: '记账凭证、结算单' },
  economic: { dataSource: '统计报表、企业报送数据', evidence: '统计报表、企业财务报表' },
  social: { dataSource: '业务统计、主管部门报告', evidence: '统计资料、工作报告' },
  ecological: { dataSource: '监测数据', evidence: '监测报告' },
  sustainability: { dataSource: '使用记录、资产台账', evidence: '使用登记、资产卡片' },
  beneficiary: { dataSource: '满意度调查', evidence: '调查问卷、统计结果（注明样本量）' },
};

export interface SeededLibraryEntry extends LibraryEntry {
  readonly code: string;
  readonly industry: string;
  readonly formula: string | null;
  readonly dataSource: string;
  readonly evidence: string;
}

/** A ratio or difference is a formula; a plain description is only the definition. */
const FORMULA = /[÷−×]/;

export const INDICATOR_LIBRARY: readonly SeededLibraryEntry[] = ENTRIES.map((item, index, all) => {
  const place = all.slice(0, index + 1).filter((other) => other.category === item.category).length;
  const sources = SOURCE_BY_LEVEL2[item.level2] ?? { dataSource: '项目资料', evidence: '相关佐证材料' };
  return {
    ...item,
    code: `${PREFIX[item.category] ?? 'QT'}-${String(place).padStart(2, '0')}`,
    industry: '通用',
    formula: FORMULA.test(item.description) ? item.description : null,
    ...sources,
  };
});
