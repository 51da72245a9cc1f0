import type { Locale } from '../i18n/translate.ts';

/** Axis ticks are chart numbers, not figures anyone reads as money: 万 in Chinese, millions in English keep them short. */
export const AXIS_UNIT: Readonly<Record<Locale, { divisor: number; suffix: string }>> = {
  'zh-CN': { divisor: 10_000, suffix: '万' },
  en: { divisor: 1_000_000, suffix: 'M' },
};

/**
 * A money axis tick in the locale's short unit. The tick is a chart's float, and dividing it leaves binary
 * noise (0.6 ÷ 10 000 = 0.000059999999999999995): ticks below one unit read in plain yuan (an empty
 * evaluation's axis reads 0, 0.2 … 1, not 0.000059999999999999995万), larger ones in the unit, each to at
 * most two decimals.
 */
export function moneyAxisLabel(value: number, locale: Locale): string {
  const { divisor, suffix } = AXIS_UNIT[locale];
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  if (Math.abs(value) < divisor) return format.format(value);
  return `${format.format(value / divisor)}${suffix}`;
}
