import { compareDecimal, parseDecimal } from '../numbers/decimal.ts';

/**
 * 绩效目标调整 (mid-year target adjustment): during the year a unit may ask to change an approved
 * declaration's targets — change an indicator's 指标值, add an indicator, drop one — each change with
 * its reason and evidence. The department reviews, the finance bureau approves (or returns, or rejects);
 * an approval writes the next version of the approved targets (财预〔2019〕136号 allows targets to be
 * adjusted through the monitoring of the year; the two review stages follow the declaration's own).
 * The states, the steps and the changes' rules are defined here once, without IO.
 */
export const ADJUSTMENT_STATUSES = ['draft', 'submitted', 'department_approved', 'returned', 'approved', 'rejected'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

export const ADJUSTMENT_STATUS_LABEL: Readonly<Record<AdjustmentStatus, string>> = {
  draft: '草稿',
  submitted: '待部门审核',
  department_approved: '待财政审批',
  returned: '已退回',
  approved: '已批准',
  rejected: '未予批准',
};

export const ADJUSTMENT_ACTIONS = ['submit', 'approve', 'return', 'reject'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];

export const ADJUSTMENT_ACTION_LABEL: Readonly<Record<AdjustmentAction | 'create', string>> = {
  create: '新建调整申请',
  submit: '提交调整申请',
  approve: '审核通过',
  return: '退回修改',
  reject: '不予批准',
};

export type AdjustmentStage = 'unit' | 'department' | 'finance';

export interface AdjustmentTransition {
  readonly action: AdjustmentAction;
  readonly from: AdjustmentStatus;
  readonly to: AdjustmentStatus;
  readonly stage: AdjustmentStage;
}

export const ADJUSTMENT_TRANSITIONS: readonly AdjustmentTransition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', stage: 'unit' },
  { action: 'submit', from: 'returned', to: 'submitted', stage: 'unit' },
  { action: 'approve', from: 'submitted', to: 'department_approved', stage: 'department' },
  { action: 'return', from: 'submitted', to: 'returned', stage: 'department' },
  // The finance bureau's approval makes the adjusted targets the next approved version.
  { action: 'approve', from: 'department_approved', to: 'approved', stage: 'finance' },
  { action: 'return', from: 'department_approved', to: 'returned', stage: 'finance' },
  { action: 'reject', from: 'department_approved', to: 'rejected', stage: 'finance' },
];

/** The step `action` from `status`, or undefined when the state machine has none. */
export function adjustmentTransitionOf(status: AdjustmentStatus, action: AdjustmentAction): AdjustmentTransition | undefined {
  return ADJUSTMENT_TRANSITIONS.find((entry) => entry.from === status && entry.action === action);
}

/** Open: not yet decided. One open request per declaration at a time. */
export const isAdjustmentOpen = (status: AdjustmentStatus): boolean => status !== 'approved' && status !== 'rejected';

/** The unit edits its request while it holds it (a draft, or returned to it). */
export const isAdjustmentEditable = (status: AdjustmentStatus): boolean => status === 'draft' || status === 'returned';

/** Who acts next: the unit on a draft or return, the department on a submission, the finance bureau after it. */
export function adjustmentPendingStage(status: AdjustmentStatus): AdjustmentStage | undefined {
  return ADJUSTMENT_TRANSITIONS.find((entry) => entry.from === status)?.stage;
}

export const CHANGE_KINDS = ['target', 'add', 'drop'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABEL: Readonly<Record<ChangeKind, string>> = {
  target: '调整指标值',
  add: '新增指标',
  drop: '删除指标',
};

/** The fields of an approved line the changes read and write. */
export interface AdjustableLine {
  readonly id: string;
  readonly name: string;
  readonly nature: 'quantitative' | 'qualitative';
  readonly target: string | null;
  readonly targetText: string | null;
}

/**
 * One change of a request. `indicatorId` names the approved line a target change or a drop is about;
 * an added line brings the new id it will keep in the next version.
 */
export type AdjustmentChange<T extends AdjustableLine> =
  | {
      readonly kind: 'target';
      readonly indicatorId: string;
      readonly target: string | null;
      readonly targetText: string | null;
      readonly reason: string;
    }
  | { readonly kind: 'add'; readonly indicator: T; readonly reason: string }
  | { readonly kind: 'drop'; readonly indicatorId: string; readonly reason: string };

export interface ChangeProblem {
  /** The change's position in the request (0-based), or undefined for the request as a whole. */
  readonly index?: number | undefined;
  readonly field: 'reason' | 'indicatorId' | 'target' | 'changes';
  readonly message: string;
}

const sameTarget = (line: AdjustableLine, target: string | null, targetText: string | null): boolean => {
  const before = line.target === null ? undefined : parseDecimal(line.target);
  const after = target === null ? undefined : parseDecimal(target);
  const sameValue = before === undefined || after === undefined ? before === after : compareDecimal(before, after) === 0;
  return sameValue && (line.targetText ?? '') === (targetText ?? '');
};

/**
 * The changes' own rules, checked against the approved lines they change: every change has its reason;
 * a target change or drop names an approved line, at most one change per line; a target change changes
 * something, and a quantitative line keeps a value; the adjusted set keeps at least one indicator. The
 * declaration's checks (checkDeclaration) then run on the resulting set, as at declaration.
 */
export function checkChanges<T extends AdjustableLine>(base: readonly T[], changes: readonly AdjustmentChange<T>[]): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  const byId = new Map(base.map((line) => [line.id, line]));
  const touched = new Set<string>();
  if (changes.length === 0) problems.push({ field: 'changes', message: '调整申请还没有调整内容，至少填写一项调整' });
  changes.forEach((change, index) => {
    const label = `第 ${index + 1} 项调整（${CHANGE_KIND_LABEL[change.kind]}）`;
    if (!change.reason.trim()) problems.push({ index, field: 'reason', message: `${label}未填写调整理由` });
    if (change.kind === 'add') {
      if (byId.has(change.indicator.id) || touched.has(change.indicator.id))
        problems.push({ index, field: 'indicatorId', message: `${label}：新增指标“${change.indicator.name}”的编号与已有指标重复` });
      touched.add(change.indicator.id);
      return;
    }
    const line = byId.get(change.indicatorId);
    if (!line) {
      problems.push({ index, field: 'indicatorId', message: `${label}所指的指标不在已批复的绩效目标中` });
      return;
    }
    if (touched.has(line.id))
      problems.push({ index, field: 'indicatorId', message: `${label}：指标“${line.name}”已有一项调整，每项指标只能调整一次` });
    touched.add(line.id);
    if (change.kind === 'target') {
      if (line.nature === 'quantitative' && change.target === null)
        problems.push({ index, field: 'target', message: `${label}：定量指标“${line.name}”调整后须有指标值` });
      else if (sameTarget(line, change.target, change.targetText))
        problems.push({
          index,
          field: 'target',
          message: `${label}：指标“${line.name}”调整后的指标值与调整前（${line.targetText ?? line.target ?? '未填'}）相同`,
        });
    }
  });
  const dropped = changes.filter((change) => change.kind === 'drop').length;
  const added = changes.filter((change) => change.kind === 'add').length;
  if (base.length > 0 && dropped >= base.length && added === 0)
    problems.push({ field: 'changes', message: '调整后没有任何绩效指标，至少保留或新增一项' });
  return problems;
}

/**
 * The approved lines after the changes, in order: a changed line keeps its place and id with the new
 * 指标值, a dropped one leaves, added ones follow. Changes naming no line are skipped (checkChanges
 * reports them).
 */
export function applyChanges<T extends AdjustableLine>(base: readonly T[], changes: readonly AdjustmentChange<T>[]): T[] {
  const targets = new Map<string, Extract<AdjustmentChange<T>, { kind: 'target' }>>();
  const drops = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'target') targets.set(change.indicatorId, change);
    if (change.kind === 'drop') drops.add(change.indicatorId);
  }
  const kept = base
    .filter((line) => !drops.has(line.id))
    .map((line) => {
      const change = targets.get(line.id);
      return change ? { ...line, target: change.target, targetText: change.targetText } : line;
    });
  return [...kept, ...changes.flatMap((change) => (change.kind === 'add' ? [change.indicator] : []))];
}
