import type { Indicator } from '../model.ts';
import { formatDecimal } from '../numbers/decimal.ts';

/**
 * One natural Chinese sentence per indicator for the 履职效能分析, e.g.
 * "产业扶持资金促进企业产生工业投资不少于20亿元，实际完成23.39亿元". The preparer's own wording of the
 * target or the actual (`targetText`, `actualText`) wins over the generated one.
 */
export function indicatorSentence(indicator: Indicator): string {
  const unit = indicator.unit ?? '';
  const value = (decimal: Indicator['target']) => (decimal ? `${formatDecimal(decimal)}${unit}` : '');
  if (indicator.direction === 'qualitative') {
    const adjusted = indicator.adjustedTargetText ? `（调整为${indicator.adjustedTargetText}）` : '';
    const target = indicator.targetText ? `${indicator.targetText}${adjusted}` : '';
    const actual = indicator.actualText ?? '';
    return [indicator.name + (target ? `：${target}` : ''), actual].filter(Boolean).join('，');
  }
  const target = indicator.targetText ?? targetPhrase(indicator.direction, value(indicator.target), unit === '%');
  const adjusted =
    indicator.adjustedTarget || indicator.adjustedTargetText
      ? `（调整为${indicator.adjustedTargetText ?? targetPhrase(indicator.direction, value(indicator.adjustedTarget), unit === '%')}）`
      : '';
  const head = `${indicator.name}${target}${adjusted}`;
  if (indicator.notApplicable) return `${head}，本年度不适用`;
  const actual =
    indicator.actualText ?? (indicator.actual ? `${actualVerb(indicator.direction)}${value(indicator.actual)}` : '实际完成值未填报');
  return `${head}，${actual}`;
}

function targetPhrase(direction: Indicator['direction'], value: string, isRate: boolean): string {
  switch (direction) {
    case '>=':
      return isRate ? `不低于${value}` : `不少于${value}`;
    case '>':
      return `超过${value}`;
    case '<=':
      return `不超过${value}`;
    case '<':
      return `低于${value}`;
    default:
      return `达到${value}`;
  }
}

function actualVerb(direction: Indicator['direction']): string {
  return direction === '<=' || direction === '<' ? '实际为' : '实际完成';
}

/** "2025-06-20" → "2025年6月20日" */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (headings never go past 99). */
export function chineseNumber(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

/** Joins numbered items the 公文 way: each ends with "；" and the last with "。". */
export function punctuateList(items: readonly string[]): string[] {
  return items.map((item, index) => {
    const bare = item.replace(/[；;。.，,]+$/u, '');
    return `${bare}${index === items.length - 1 ? '。' : '；'}`;
  });
}
