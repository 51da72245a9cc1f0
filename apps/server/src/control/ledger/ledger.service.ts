import { control, formatYuan } from '@jixiao/core';
import type { Deps, RequestContext } from '../../context.ts';
import { scopeOf } from '../../policies/scope.ts';
import { chinaToday } from '../../time.ts';
import { requirePost } from '../control-access.ts';
import { type LedgerScope, loadLedger, rollup } from './ledger.repository.ts';

/** Figures as of today, or as of 31 December once the year is over. */
export function asOfFor(fiscalYear: number, now: Date): string {
  const today = chinaToday(now);
  const yearEnd = `${fiscalYear}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

export function presentMetric(result: control.MetricResult) {
  const term = (entry: control.Term) => ({ label: entry.label, amount: formatYuan(entry.amount), count: entry.records.length });
  return {
    metric: result.metric,
    label: result.label,
    percent: result.percent ?? null,
    formula: result.formula,
    source: result.source,
    numerator: term(result.numerator),
    denominator: term(result.denominator),
  };
}

export interface LedgerQuery {
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly projectId?: string | undefined;
  readonly budgetLineId?: string | undefined;
  readonly asOf?: string | undefined;
  readonly costControl?: 'deviation' | 'ratio' | undefined;
}

async function scoped(deps: Deps, ctx: RequestContext, query: LedgerQuery) {
  await requirePost(deps.db, ctx, query.organisationId, 'any');
  const scope: LedgerScope = {
    organisationId: query.organisationId,
    fiscalYear: query.fiscalYear,
    projectId: query.projectId,
    budgetLineIds: query.budgetLineId ? [query.budgetLineId] : undefined,
  };
  const ledger = await loadLedger(deps.db, scope);
  const options = {
    ...control.DEFAULT_LEDGER_OPTIONS,
    costControl: query.costControl ?? 'deviation',
    asOf: query.asOf ?? asOfFor(query.fiscalYear, deps.clock()),
  };
  return { ledger, options };
}

/** The ledger view of a scope: every computed indicator with its formula, and spending by month against time and plan. */
export async function ledgerOverview(deps: Deps, ctx: RequestContext, query: LedgerQuery) {
  const { ledger, options } = await scoped(deps, ctx, query);
  return {
    asOf: options.asOf,
    metrics: control.LEDGER_METRICS.map((metric) => presentMetric(control.computeMetric(metric, ledger, options))),
    monthly: control.monthlyProgress(ledger, options).map((month) => ({
      ...month,
      paid: formatYuan(month.paid),
      cumulativePaid: formatYuan(month.cumulativePaid),
      planned: formatYuan(month.planned),
      cumulativePlanned: formatYuan(month.cumulativePlanned),
    })),
  };
}

/** The records behind one side of a computed indicator (drill-down). */
export async function drillDown(
  deps: Deps,
  ctx: RequestContext,
  query: LedgerQuery & { metric: control.LedgerMetric; term: 'numerator' | 'denominator' },
) {
  const { ledger, options } = await scoped(deps, ctx, query);
  const result = control.computeMetric(query.metric, ledger, options);
  const term = result[query.term];
  const ids = new Set(term.records);
  return {
    metric: presentMetric(result),
    term: { label: term.label, amount: formatYuan(term.amount) },
    payments: ledger.payments
      .filter((payment) => ids.has(payment.id))
      .map((payment) => ({
        id: payment.id,
        budgetLineId: payment.budgetLineId,
        amount: formatYuan(payment.amount),
        paidOn: payment.paidOn,
        dueOn: payment.dueOn,
      })),
    budgetLines: ledger.lines
      .filter((line) => ids.has(line.id))
      .map((line) => ({
        id: line.id,
        code: line.code,
        name: line.name,
        budget: formatYuan(control.lineBudget(line)),
        initial: formatYuan(line.initial),
      })),
    adjustments: ledger.adjustments
      .filter((entry) => ids.has(entry.id))
      .map((entry) => ({ id: entry.id, budgetLineId: entry.budgetLineId, amount: formatYuan(entry.amount) })),
    procurements: ledger.procurements
      .filter((entry) => ids.has(entry.id))
      .map((entry) => ({
        id: entry.id,
        estimated: formatYuan(entry.estimated),
        result: entry.result === null ? null : formatYuan(entry.result),
      })),
  };
}

export async function ledgerRollup(deps: Deps, ctx: RequestContext, fiscalYear: number) {
  const rows = await rollup(deps.db, fiscalYear, scopeOf(ctx.principal));
  return rows.map((row) => ({ ...row, paidFen: Number(row.paidFen), paid: formatYuan(Number(row.paidFen)) }));
}
