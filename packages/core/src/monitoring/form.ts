import type { Light } from './model.ts';

/**
 * 绩效运行监控表 (财预〔2019〕136号 "双监控"): a unit fills one form per approved project and one for
 * its department's 部门整体支出; the department reviews it and the finance bureau closes it. The
 * states, the steps, the closed lists of the form and the submission's rules are defined here once.
 */
export const MONITORING_FORM_STATUSES = ['draft', 'submitted', 'department_approved', 'finance_approved', 'returned'] as const;
export type MonitoringFormStatus = (typeof MONITORING_FORM_STATUSES)[number];

export const MONITORING_FORM_STATUS_LABEL: Readonly<Record<MonitoringFormStatus, string>> = {
  draft: '填报中',
  submitted: '待部门审核',
  department_approved: '待财政审核',
  finance_approved: '财政已审核',
  returned: '已退回',
};

export const MONITORING_FORM_ACTIONS = ['submit', 'approve', 'return'] as const;
export type MonitoringFormAction = (typeof MONITORING_FORM_ACTIONS)[number];

export const MONITORING_FORM_ACTION_LABEL: Readonly<Record<MonitoringFormAction | 'issue', string>> = {
  issue: '下发监控任务',
  submit: '提交监控表',
  approve: '审核通过',
  return: '退回修改',
};

export type MonitoringFormStage = 'unit' | 'department' | 'finance';

export interface MonitoringFormTransition {
  readonly action: MonitoringFormAction;
  readonly from: MonitoringFormStatus;
  readonly to: MonitoringFormStatus;
  readonly stage: MonitoringFormStage;
}

export const MONITORING_FORM_TRANSITIONS: readonly MonitoringFormTransition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', stage: 'unit' },
  { action: 'submit', from: 'returned', to: 'submitted', stage: 'unit' },
  { action: 'approve', from: 'submitted', to: 'department_approved', stage: 'department' },
  { action: 'return', from: 'submitted', to: 'returned', stage: 'department' },
  { action: 'approve', from: 'department_approved', to: 'finance_approved', stage: 'finance' },
  { action: 'return', from: 'department_approved', to: 'returned', stage: 'finance' },
];

export function monitoringTransitionOf(status: MonitoringFormStatus, action: MonitoringFormAction): MonitoringFormTransition | undefined {
  return MONITORING_FORM_TRANSITIONS.find((entry) => entry.from === status && entry.action === action);
}

/** The unit fills its form while it holds it: a draft, or returned to it. */
export const isMonitoringFormEditable = (status: MonitoringFormStatus): boolean => status === 'draft' || status === 'returned';

/** Who acts next; undefined once the finance bureau has reviewed it. */
export function monitoringPendingStage(status: MonitoringFormStatus): MonitoringFormStage | undefined {
  return MONITORING_FORM_TRANSITIONS.find((entry) => entry.from === status)?.stage;
}

export const MONITORING_TASK_KINDS = ['general', 'key'] as const;
export type MonitoringTaskKind = (typeof MONITORING_TASK_KINDS)[number];
/** 一般监控 covers the units' own monitoring; 重点监控 is the finance bureau's own, on chosen units (财预〔2019〕136号). */
export const MONITORING_TASK_KIND_LABEL: Readonly<Record<MonitoringTaskKind, string>> = { general: '一般监控', key: '重点监控' };

/** 偏差原因: the closed list the 一体化 monitoring forms offer; 其他 needs its own words. */
export const DEVIATION_REASONS = ['funding', 'rules', 'staffing', 'facilities', 'other'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];
export const DEVIATION_REASON_LABEL: Readonly<Record<DeviationReason, string>> = {
  funding: '经费保障',
  rules: '制度保障',
  staffing: '人员保障',
  facilities: '硬件条件保障',
  other: '其他',
};

/** 完成目标可能性 */
export const LIKELIHOODS = ['certain', 'possible', 'impossible'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_LABEL: Readonly<Record<Likelihood, string>> = { certain: '确定能', possible: '有可能', impossible: '完全不可能' };

/** What the unit typed for one indicator, with the light the core gave it. */
export interface FilledIndicator {
  readonly id: string;
  readonly name: string;
  readonly light: Light;
  readonly actualToDate?: string | null | undefined;
  readonly actualText?: string | null | undefined;
  readonly likelihood?: Likelihood | null | undefined;
  readonly reasons: readonly DeviationReason[];
  readonly reasonText?: string | null | undefined;
  readonly measures?: string | null | undefined;
}

export interface FormProblem {
  /** Index of the indicator row, or undefined for the form as a whole. */
  readonly index?: number | undefined;
  readonly field: 'actualToDate' | 'likelihood' | 'reasons' | 'reasonText' | 'measures';
  readonly message: string;
}

/** A red or yellow light must say why the work deviates and what will be done (财预〔2019〕136号: 偏差原因、纠偏措施). */
export const needsCorrection = (light: Light): boolean => light === 'red' || light === 'yellow';

const blank = (value: string | null | undefined): boolean => !value?.trim();

/**
 * What stops a form's submission, one sentence per missing field naming the indicator: every indicator
 * needs its 1–X 月实际完成值 (a figure or, for a qualitative one, its wording) and its 完成目标可能性; a red or
 * yellow one its 偏差原因 (其他 with words) and its 纠偏措施.
 */
export function submissionProblems(indicators: readonly FilledIndicator[]): FormProblem[] {
  const problems: FormProblem[] = [];
  indicators.forEach((row, index) => {
    const name = `第 ${index + 1} 项指标“${row.name}”`;
    if (blank(row.actualToDate) && blank(row.actualText))
      problems.push({ index, field: 'actualToDate', message: `${name}未填写 1 至截止月实际完成值` });
    if (!row.likelihood) problems.push({ index, field: 'likelihood', message: `${name}未选择完成目标可能性` });
    if (!needsCorrection(row.light)) return;
    const light = row.light === 'red' ? '红灯' : '黄灯';
    if (row.reasons.length === 0)
      problems.push({ index, field: 'reasons', message: `${name}为${light}，须选择偏差原因（经费、制度、人员、硬件条件保障或其他）` });
    else if (row.reasons.includes('other') && blank(row.reasonText))
      problems.push({ index, field: 'reasonText', message: `${name}的偏差原因选了“其他”，请写明具体原因` });
    if (blank(row.measures)) problems.push({ index, field: 'measures', message: `${name}为${light}，须填写纠偏措施` });
  });
  return problems;
}
