import { type Fraction, formatPercent, formatScaled, fraction, roundHalfUp } from '../numbers/decimal.ts';
import { type Fen, formatYuanGrouped } from '../numbers/money.ts';
import { lineBudget } from './balance.ts';

/**
 * Indicators computed from the ledger (docs/rules.md §7.4–7.7, §3.5–3.6). Pure: the server loads the
 * rows, this computes each figure exactly, with its formula and the ids of the records behind its
 * numerator and denominator, so every figure can be drilled down to what produced it.
 */
export interface LedgerLine {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly spendingType: 'basic' | 'project';
  readonly initial: Fen;
  readonly carryOver: Fen;
  /** Net approved adjustments (预算调整, ±). */
  readonly adjustments: Fen;
}

export interface LedgerPayment {
  readonly id: string;
  readonly budgetLineId: string;
  readonly amount: Fen;
  /** Date paid (支付日期), ISO; null while not paid. */
  readonly paidOn: string | null;
  /** Date it was due (应付日期), ISO; null when no due date applies. */
  readonly dueOn: string | null;
}

export interface LedgerPlan {
  readonly budgetLineId: string;
  readonly month: number;
  readonly amount: Fen;
}

export interface LedgerAdjustment {
  readonly id: string;
  readonly budgetLineId: string;
  readonly amount: Fen;
}

export interface LedgerProcurement {
  readonly id: string;
  readonly budgetLineId: string;
  readonly estimated: Fen;
  /** Contracted amount once awarded; null while open. */
  readonly result: Fen | null;
}

export interface Ledger {
  readonly fiscalYear: number;
  readonly lines: readonly LedgerLine[];
  readonly payments: readonly LedgerPayment[];
  readonly plans: readonly LedgerPlan[];
  readonly adjustments: readonly LedgerAdjustment[];
  readonly procurements: readonly LedgerProcurement[];
}

/** The part of a ledger that concerns some of its lines (an indicator bound to one project's lines). */
export function ledgerOfLines(ledger: Ledger, lineIds: readonly string[]): Ledger {
  const ids = new Set(lineIds);
  const mine = (entry: { readonly budgetLineId: string }) => ids.has(entry.budgetLineId);
  return {
    fiscalYear: ledger.fiscalYear,
    lines: ledger.lines.filter((line) => ids.has(line.id)),
    payments: ledger.payments.filter(mine),
    plans: ledger.plans.filter(mine),
    adjustments: ledger.adjustments.filter(mine),
    procurements: ledger.procurements.filter(mine),
  };
}

/** Budget and execution of a ledger, as an evaluation takes them (预算执行): paid in the year up to `asOf`. */
export function ledgerBudget(ledger: Ledger, asOf: string) {
  const sum = (values: readonly Fen[]) => values.reduce((total, value) => total + value, 0);
  const year = String(ledger.fiscalYear);
  return {
    hasLines: ledger.lines.length > 0,
    initial: sum(ledger.lines.map((line) => line.initial)),
    carryOver: sum(ledger.lines.map((line) => line.carryOver)),
    adjusted: sum(ledger.lines.map(lineBudget)),
    executed: sum(
      ledger.payments
        .filter((payment) => payment.paidOn !== null && payment.paidOn <= asOf && payment.paidOn.startsWith(year))
        .map((payment) => payment.amount),
    ),
  };
}

export const LEDGER_METRICS = [
  'execution-rate',
  'carry-over-rate',
  'adjustment-rate',
  'procurement-execution-rate',
  'paid-on-time-in-full-rate',
  'cost-control-rate',
  'december-share',
] as const;
export type LedgerMetric = (typeof LEDGER_METRICS)[number];

export const LEDGER_METRIC_LABEL: Readonly<Record<LedgerMetric, string>> = {
  'execution-rate': '预算执行率',
  'carry-over-rate': '结转结余率',
  'adjustment-rate': '预算调整率',
  'procurement-execution-rate': '政府采购执行率',
  'paid-on-time-in-full-rate': '资金及时足额拨付率',
  'cost-control-rate': '成本控制率',
  'december-share': '12月支付占全年支付比例',
};

export interface Term {
  readonly label: string;
  readonly amount: Fen;
  /** Ids of the ledger records summed into this term (payments, budget lines, adjustments, procurements). */
  readonly records: readonly string[];
}

export interface MetricResult {
  readonly metric: LedgerMetric;
  readonly label: string;
  /** undefined when the denominator is zero. */
  readonly value: Fraction | undefined;
  /** The value as a percentage with two decimals ("95.47"), the form an indicator's actual takes. */
  readonly percent: string | undefined;
  readonly numerator: Term;
  readonly denominator: Term;
  /** e.g. "已支付 9,547.00 元 ÷ 应付 10,000.00 元 = 95.47%" */
  readonly formula: string;
  readonly source: string;
}

export interface LedgerOptions {
  /** Figures as of this date (ISO); payments after it are not yet counted. */
  readonly asOf: string;
  /** 成本控制率: (实际 − 预算) ÷ 预算 (deviation, the reference report's −4.53%) or 实际 ÷ 预算 (ratio). docs/rules.md §7.5. */
  readonly costControl: 'deviation' | 'ratio';
  /** 结转结余率 denominator (docs/rules.md §7.7). */
  readonly carryOverBase: 'executed' | 'budget';
}

export const DEFAULT_LEDGER_OPTIONS: Omit<LedgerOptions, 'asOf'> = { costControl: 'deviation', carryOverBase: 'executed' };

const sum = (values: readonly Fen[]) => values.reduce((total, value) => total + value, 0);

function paidBy(ledger: Ledger, asOf: string): LedgerPayment[] {
  return ledger.payments.filter(
    (payment) => payment.paidOn !== null && payment.paidOn <= asOf && payment.paidOn.startsWith(String(ledger.fiscalYear)),
  );
}

function term(label: string, entries: readonly { id: string; amount: Fen }[]): Term {
  return { label, amount: sum(entries.map((entry) => entry.amount)), records: entries.map((entry) => entry.id) };
}

function result(
  metric: LedgerMetric,
  numerator: Term,
  denominator: Term,
  source: string,
  value = denominator.amount === 0 ? undefined : fraction(BigInt(numerator.amount), BigInt(denominator.amount)),
): MetricResult {
  const percent = value ? percentText(value) : undefined;
  return {
    metric,
    label: LEDGER_METRIC_LABEL[metric],
    value,
    percent,
    numerator,
    denominator,
    formula: `${numerator.label} ${formatYuanGrouped(numerator.amount)} 元 ÷ ${denominator.label} ${formatYuanGrouped(denominator.amount)} 元 = ${value ? formatPercent(value) : '无法计算（分母为 0）'}`,
    source,
  };
}

/** A fraction as a percentage number with two decimals, "95.47" (half up), for an indicator's actual. */
export function percentText(value: Fraction): string {
  return formatScaled(roundHalfUp(value.num * 10_000n, value.den), 2);
}

export function computeMetric(metric: LedgerMetric, ledger: Ledger, options: LedgerOptions): MetricResult {
  const budgetTerm = term(
    '预算（含结转与调整）',
    ledger.lines.map((line) => ({ id: line.id, amount: lineBudget(line) })),
  );
  const paid = paidBy(ledger, options.asOf);
  const paidTerm = term('已支付', paid);
  switch (metric) {
    case 'execution-rate':
      return result(metric, paidTerm, budgetTerm, '预算执行率 = 全年执行数 ÷ 全年预算数（调整后，含上年结转）');
    case 'carry-over-rate': {
      const remaining: Term = { label: '结转结余', amount: budgetTerm.amount - paidTerm.amount, records: budgetTerm.records };
      return result(
        metric,
        remaining,
        options.carryOverBase === 'executed' ? paidTerm : budgetTerm,
        '结转结余率 = 结转结余总额 ÷ 支出完成数（或支出预算数）',
      );
    }
    case 'adjustment-rate': {
      const adjusted = term(
        '预算调整（绝对值）',
        ledger.adjustments.map((entry) => ({ id: entry.id, amount: Math.abs(entry.amount) })),
      );
      const initial = term(
        '年初预算',
        ledger.lines.map((line) => ({ id: line.id, amount: line.initial })),
      );
      return result(metric, adjusted, initial, '预算调整率 = 预算调整数 ÷ 年初预算数');
    }
    case 'procurement-execution-rate': {
      const awarded = ledger.procurements.filter((entry) => entry.result !== null);
      return result(
        metric,
        term(
          '实际采购',
          awarded.map((entry) => ({ id: entry.id, amount: entry.result ?? 0 })),
        ),
        term(
          '采购预算',
          ledger.procurements.map((entry) => ({ id: entry.id, amount: entry.estimated })),
        ),
        '政府采购执行率 = 实际采购金额 ÷ 采购预算金额',
      );
    }
    case 'paid-on-time-in-full-rate': {
      // Due-date based (docs/rules.md §7.6): what fell due by asOf, and what of it was paid in full by its due date.
      const due = ledger.payments.filter(
        (payment) => payment.dueOn !== null && payment.dueOn <= options.asOf && payment.dueOn.startsWith(String(ledger.fiscalYear)),
      );
      const onTime = due.filter((payment) => payment.paidOn !== null && payment.dueOn !== null && payment.paidOn <= payment.dueOn);
      return result(metric, term('按期足额支付', onTime), term('应付', due), '及时足额率 = 按期足额支付金额 ÷ 应付金额（以应付日期为准）');
    }
    case 'cost-control-rate': {
      if (options.costControl === 'ratio')
        return result(metric, term('实际成本', paid), budgetTerm, '成本控制率（比率型）= 实际成本 ÷ 预算成本');
      const deviation: Term = {
        label: '实际成本 − 预算成本',
        amount: paidTerm.amount - budgetTerm.amount,
        records: [...paidTerm.records, ...budgetTerm.records],
      };
      return result(metric, deviation, budgetTerm, '成本控制率（偏差型）= (实际成本 − 预算成本) ÷ 预算成本');
    }
    case 'december-share': {
      const december = paid.filter((payment) => payment.paidOn?.slice(5, 7) === '12');
      return result(metric, term('12月支付', december), paidTerm, '12月支出占比 = 12月支付 ÷ 全年支付（衡量年末突击支付）');
    }
  }
}

export interface MonthProgress {
  readonly month: number;
  readonly paid: Fen;
  readonly cumulativePaid: Fen;
  readonly planned: Fen;
  readonly cumulativePlanned: Fen;
  /** Cumulative paid ÷ annual budget, "%" with 2 decimals. */
  readonly spendingProgress: string | undefined;
  /** 序时进度 m ÷ 12. */
  readonly timeProgress: string;
  readonly planProgress: string | undefined;
  /** Spending progress − time progress, percentage points (negative = behind). */
  readonly deviationFromTime: string | undefined;
}

/** 支出进度 by month against 序时进度 (m/12) and against the payment plan (docs/rules.md §3.5–3.6, §7.7). */
export function monthlyProgress(ledger: Ledger, options: Pick<LedgerOptions, 'asOf'>): MonthProgress[] {
  const budget = sum(ledger.lines.map(lineBudget));
  const paid = paidBy(ledger, options.asOf);
  const months: MonthProgress[] = [];
  let cumulativePaid = 0;
  let cumulativePlanned = 0;
  const share = (amount: Fen) => (budget === 0 ? undefined : percentText(fraction(BigInt(amount), BigInt(budget))));
  for (let month = 1; month <= 12; month += 1) {
    const monthPaid = sum(paid.filter((payment) => Number(payment.paidOn?.slice(5, 7)) === month).map((payment) => payment.amount));
    const monthPlanned = sum(ledger.plans.filter((plan) => plan.month === month).map((plan) => plan.amount));
    cumulativePaid += monthPaid;
    cumulativePlanned += monthPlanned;
    const spending = budget === 0 ? undefined : fraction(BigInt(cumulativePaid), BigInt(budget));
    const time = fraction(BigInt(month), 12n);
    months.push({
      month,
      paid: monthPaid,
      cumulativePaid,
      planned: monthPlanned,
      cumulativePlanned,
      spendingProgress: share(cumulativePaid),
      timeProgress: percentText(time),
      planProgress: share(cumulativePlanned),
      deviationFromTime: spending
        ? formatScaled(roundHalfUp((spending.num * time.den - time.num * spending.den) * 10_000n, spending.den * time.den), 2)
        : undefined,
    });
  }
  return months;
}
