import type { MONITORING_LIGHT, MonitoringFormDetail, MonitoringLightRow, SaveMonitoringForm } from '@jixiao/contract';
import { toFen } from '../../lib/money.ts';

export type Light = (typeof MONITORING_LIGHT)[number];
type Indicator = MonitoringFormDetail['indicators'][number];
export type IndicatorEdit = NonNullable<SaveMonitoringForm['indicators']>[number];

/** What the unit may type on a form: the forecast per source and the monitored fields per indicator. */
export interface FormEdits {
  readonly forecasts: Readonly<Record<string, string | null>>;
  readonly indicators: Readonly<Record<string, IndicatorEdit>>;
}

export function editsOf(form: MonitoringFormDetail): FormEdits {
  return {
    forecasts: Object.fromEntries(form.money.map((row) => [row.source, row.forecast])),
    indicators: Object.fromEntries(form.indicators.map((row) => [row.indicatorId, indicatorEditOf(row)])),
  };
}

const indicatorEditOf = (row: Indicator): IndicatorEdit => ({
  indicatorId: row.indicatorId,
  actualToDate: row.actualToDate,
  actualText: row.actualText,
  forecastYearEnd: row.forecastYearEnd,
  reasons: [...row.reasons],
  reasonText: row.reasonText,
  likelihood: row.likelihood,
  measures: row.measures,
});

/** Blank text is no answer: the server's checks ("偏差原因未填") must see null, not a space. */
const blankToNull = (text: string | null | undefined): string | null => (text?.trim() ? text : null);

/** The whole form as the server saves it (整表保存), in the form's own row order. */
export function saveBodyOf(form: MonitoringFormDetail, edits: FormEdits): SaveMonitoringForm {
  return {
    version: form.version,
    money: form.money.map((row) => ({ source: row.source, forecast: blankToNull(edits.forecasts[row.source] ?? null) })),
    indicators: form.indicators.map((row) => {
      const edit = edits.indicators[row.indicatorId] ?? indicatorEditOf(row);
      return {
        indicatorId: row.indicatorId,
        actualToDate: blankToNull(edit.actualToDate),
        actualText: blankToNull(edit.actualText),
        forecastYearEnd: blankToNull(edit.forecastYearEnd),
        reasons: edit.reasons ?? [],
        reasonText: blankToNull(edit.reasonText),
        likelihood: edit.likelihood ?? null,
        measures: blankToNull(edit.measures),
      };
    }),
  };
}

/** Worst first: red, yellow, blue (target possibly too low), green, then no light. */
const SEVERITY: Readonly<Record<Light, number>> = { red: 0, yellow: 1, blue: 2, green: 3, none: 4 };
export const bySeverity = (a: Light, b: Light): number => SEVERITY[a] - SEVERITY[b];

/** A light row's worst light of all: its budget's or any indicator's. */
export function worstLight(row: Pick<MonitoringLightRow, 'budgetLight' | 'indicatorLights'>): Light {
  const lights: Light[] = [row.budgetLight];
  for (const light of ['red', 'yellow', 'blue', 'green'] as const) if (row.indicatorLights[light] > 0) lights.push(light);
  return [...lights].sort(bySeverity)[0] ?? 'none';
}

/** "0.5833" (a share from the server) → 58.33, for the chart's axis only; figures in tables stay the server's text. */
export const sharePoint = (share: string): number => Math.round(Number(share) * 10_000) / 100;

/**
 * Payments by month (yuan strings) as the cumulative share of the adjusted budget in percent, up to the
 * cut-off month: summed exactly in fen, divided once for the chart. No budget: no line.
 */
export function paidShares(paidByMonth: readonly string[], adjusted: string, cutoffMonth: number): (number | null)[] {
  const budget = toFen(adjusted);
  let sum = 0n;
  return paidByMonth.map((paid, index) => {
    sum += toFen(paid) ?? 0n;
    if (!budget || budget <= 0n || index >= cutoffMonth) return null;
    return Number((sum * 1_000_000n) / budget) / 10_000;
  });
}

/**
 * The cut-off a new task proposes: the end of the last full month before today ("2026-12-03" →
 * "2026-11-30"), so every payment of the months covered is already in the ledger. A proposal only.
 */
export function lastMonthEnd(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}
