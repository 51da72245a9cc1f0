import { type EvaluationInput, type Indicator, LEVEL1_LABEL, type Level1 } from '../model.ts';
import { type Decimal, type Fraction, formatDecimal, formatPercent, parseDecimal, pow10, roundHalfUp } from '../numbers/decimal.ts';
import { toHalfWidth } from '../numbers/number-text.ts';
import { formatPoints, type Points } from '../numbers/points.ts';
import { type Finding, type FindingSubject, finding } from './findings.ts';

/**
 * The preparer's own texts must not state a figure the data no longer has: an actual edited from 168 to
 * 120 leaves "实际168个" in the report unless something notices. Each number a text ties to an indicator's
 * actual, to the total score, to the execution rate or to a count of indicators is compared with the
 * current value, to the precision the text states it ("95分" agrees with 95.33, "93.1%" with 93.12%).
 */
export function checkNarrative(input: EvaluationInput, total: Points, findings: Finding[]): void {
  const mentions = mentionPatterns(input.indicators);
  for (const indicator of input.indicators) {
    if (indicator.actualText && indicator.actual && !indicator.notApplicable) {
      checkOwnActual(indicator, indicator.actual, indicator.actualText, findings);
    }
  }
  for (const { where, whereEn, text: raw } of freeTexts(input)) {
    // Full-width digits and signs map one character to one, so positions stay those of the raw text.
    const text = { read: toHalfWidth(raw), raw, where, whereEn };
    checkMentions(text, mentions, findings);
    checkScore(text, total, findings);
    checkRate(text, input, findings);
    checkCounts(text, input, findings);
  }
}

interface Place {
  readonly where: string;
  readonly whereEn: string;
  readonly text: string;
}

/** A text as read (half-width) and as written, for quoting it back to the preparer. */
interface Text {
  readonly read: string;
  readonly raw: string;
  readonly where: string;
  readonly whereEn: string;
}

const quote = (text: Text, match: RegExpExecArray | RegExpMatchArray): string =>
  text.raw.slice(match.index ?? 0, (match.index ?? 0) + match[0].length);

const place = (where: string, whereEn: string, text: string | undefined): Place | undefined =>
  text ? { where, whereEn, text } : undefined;

/**
 * Goals and 下一步改进措施 are left out: their figures are targets ("满意度达到90%", "力争达到95%"), not actuals.
 */
function freeTexts(input: EvaluationInput): Place[] {
  const { narrative } = input;
  const places: (Place | undefined)[] = [
    place('自评结论', 'The conclusion', narrative.conclusion),
    place('履职效能分析', 'The duty-effectiveness analysis', narrative.dutyIntro),
    place('管理效率分析', 'The management analysis', narrative.management),
    ...narrative.problems.map((text, index) => place(`存在的主要问题第${index + 1}条`, `Problem ${index + 1}`, text)),
    place('预算执行情况说明', 'The execution reason', input.budget.executionReason),
    ...input.indicators.map((indicator) =>
      place(`指标 ${indicator.id} 的偏差原因`, `The deviation reason of ${indicator.id}`, indicator.deviationReason),
    ),
    ...input.management.flatMap((entry) => [
      place(`管理效率“${entry.code}”的说明`, `The note on "${entry.code}"`, entry.note),
      place(`管理效率“${entry.code}”的偏差原因`, `The deviation reason of "${entry.code}"`, entry.deviationReason),
    ]),
  ];
  return places.filter((place): place is Place => place !== undefined);
}

// ── numbers with units ──────────────────────────────────────────────────────────────────────────

const NUMBER = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** Money in these units is the same quantity at another scale; any other unit must be written as stored. */
const MONEY_SCALE: Readonly<Record<string, number>> = { 元: 0, 万元: 4, 亿元: 8 };

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** The units a stated figure may carry for this indicator, longest first so "万元" wins over "元". */
function unitsFor(indicator: Indicator): string[] {
  const unit = toHalfWidth(indicator.unit ?? '').trim();
  if (!unit) return [];
  const units = unit in MONEY_SCALE ? Object.keys(MONEY_SCALE) : [unit];
  return units.sort((a, b) => b.length - a.length);
}

/** The stated figure converted to the indicator's own unit, as an exact fraction, with its stated precision. */
function inOwnUnit(stated: Decimal, statedUnit: string, indicator: Indicator): { value: Fraction; decimals: number } {
  const from = MONEY_SCALE[statedUnit];
  const to = MONEY_SCALE[toHalfWidth(indicator.unit ?? '').trim()];
  const shift = from !== undefined && to !== undefined ? from - to : 0;
  const value =
    shift >= 0 ? { num: stated.units * pow10(shift), den: pow10(stated.scale) } : { num: stated.units, den: pow10(stated.scale - shift) };
  return { value, decimals: Math.max(0, stated.scale - shift) };
}

/** Does `current` read as the stated figure at the precision it was stated? */
function agrees(stated: Fraction, decimals: number, current: Fraction): boolean {
  const scale = pow10(decimals);
  return roundHalfUp(current.num * scale, current.den) * stated.den === stated.num * scale;
}

const decimalFraction = (value: Decimal): Fraction => ({ num: value.units, den: pow10(value.scale) });
const parse = (text: string): Decimal | undefined => parseDecimal(text.replaceAll(',', ''));

// ── indicator actuals ───────────────────────────────────────────────────────────────────────────

type Where = Pick<Place, 'where' | 'whereEn'>;

function actualMismatch(indicator: Indicator, actual: Decimal, at: Where, excerpt: string, stated: string): Finding {
  return finding('NARRATIVE_MISMATCH', subjectOf(indicator), {
    where: at.where,
    whereEn: at.whereEn,
    excerpt,
    what: `指标 ${indicator.id}“${indicator.name}”的实际完成值`,
    whatEn: `the actual of indicator ${indicator.id} "${indicator.name}"`,
    stated,
    current: `${formatDecimal(actual)}${indicator.unit ?? ''}`,
  });
}

const subjectOf = (indicator: Indicator): FindingSubject => ({ kind: 'indicator', id: indicator.id, name: indicator.name });

/**
 * The indicator's own 实际值表述 ("实际168个", "实际推动……完成工业投资23.39亿元") is about its actual by
 * definition: any figure in it carrying the indicator's unit must agree. Figures in other units (a year, a
 * count of projects) are not the actual and are left alone.
 */
function checkOwnActual(indicator: Indicator, actual: Decimal, raw: string, findings: Finding[]): void {
  const units = unitsFor(indicator);
  if (units.length === 0) return;
  const pattern = new RegExp(`(${NUMBER})\\s*(${units.map(escapeRegExp).join('|')})`, 'g');
  const stated = [...toHalfWidth(raw).matchAll(pattern)];
  const readable = stated.flatMap((match) => {
    const value = parse(match[1] ?? '');
    return value ? [{ match, value }] : [];
  });
  if (readable.length === 0) return;
  const current = decimalFraction(actual);
  const matches = ({ match, value }: (typeof readable)[number]) => {
    const converted = inOwnUnit(value, match[2] ?? '', indicator);
    return agrees(converted.value, converted.decimals, current);
  };
  if (readable.some(matches)) return;
  const first = readable[0];
  const at = { where: `指标 ${indicator.id} 的实际值表述`, whereEn: `The wording of ${indicator.id}'s actual` };
  if (first) findings.push(actualMismatch(indicator, actual, at, raw, first.match[0]));
}

interface Mention {
  readonly indicator: Indicator;
  readonly pattern: RegExp;
}

/** Names people shorten by dropping a generic tail: "新增充电基础设施数量" is also "新增充电基础设施". */
const GENERIC_TAIL = /(数量|个数|总数|总额|金额|数|量)$/u;
const MIN_STEM = 4;

function mentionPatterns(indicators: readonly Indicator[]): Mention[] {
  return indicators
    .filter((indicator) => indicator.actual && !indicator.notApplicable && unitsFor(indicator).length > 0)
    .map((indicator) => {
      const name = toHalfWidth(indicator.name);
      const stem = name.replace(GENERIC_TAIL, '');
      const names = stem !== name && stem.length >= MIN_STEM ? [name, stem] : [name];
      return { indicator, pattern: new RegExp(names.map(escapeRegExp).join('|'), 'g') };
    });
}

const SENTENCE_END = /[。；;！!？?\n]/u;
/** The actual, as opposed to the target stated before it ("150个以上，实际168个"). */
const ACTUAL_VERB = '(?:实际|完成|达到|达)';
/** Words that make the figure after them an aim ("目标达到200个", "力争完成"), not a result. */
const AIM_WORDS = /目标|计划|力争|争取|预计|拟/u;
/** How far after a name its figure may stand: a clause, not the next paragraph. */
const WINDOW = 60;

/**
 * A figure is tied to the indicator named nearest before it in the same sentence, so "甲实际5个，乙实际9个"
 * compares 9 with 乙 only; the longest name wins where one indicator's name contains another's.
 */
function checkMentions(text: Text, mentions: readonly Mention[], findings: Finding[]): void {
  const found = mentions
    .flatMap((mention) =>
      [...text.read.matchAll(mention.pattern)].map((match) => ({ mention, start: match.index, end: match.index + match[0].length })),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((entry, index, all) => !all.slice(0, index).some((other) => other.start <= entry.start && other.end >= entry.end));
  found.forEach((entry, index) => {
    const next = found[index + 1]?.start ?? text.read.length;
    let window = text.read.slice(entry.end, Math.min(next, entry.end + WINDOW));
    const stop = SENTENCE_END.exec(window);
    if (stop) window = window.slice(0, stop.index);
    const { indicator } = entry.mention;
    const units = unitsFor(indicator).map(escapeRegExp).join('|');
    const match = new RegExp(`${ACTUAL_VERB}[^\\d-]{0,12}?(${NUMBER})\\s*(${units})`).exec(window);
    const value = parse(match?.[1] ?? '');
    if (!match || !value || !indicator.actual || AIM_WORDS.test(window.slice(0, match.index))) return;
    const converted = inOwnUnit(value, match[2] ?? '', indicator);
    if (agrees(converted.value, converted.decimals, decimalFraction(indicator.actual))) return;
    const excerpt = text.raw.slice(entry.start, entry.end + match.index + match[0].length);
    findings.push(actualMismatch(indicator, indicator.actual, text, excerpt, `${match[1]}${match[2]}`));
  });
}

// ── score, execution rate, counts ───────────────────────────────────────────────────────────────

const SCORE_STATED = new RegExp(`(?:自评得分|自评分值|自评总分|总得分|总分|综合得分)(?:为|是|达到|:)?\\s*(${NUMBER})\\s*分`, 'g');
/** In the 自评结论 a bare "N分" is the score, except a weight or a deduction. */
const BARE_SCORE = new RegExp(`(分值|满分|扣|权重|占)?(${NUMBER})\\s*分(?!值)`, 'g');

function checkScore(text: Text, total: Points, findings: Finding[]): void {
  const { where } = text;
  const stated = [...text.read.matchAll(SCORE_STATED)].map((match) => ({ excerpt: quote(text, match), number: match[1] ?? '' }));
  if (where === '自评结论' && stated.length === 0) {
    for (const match of text.read.matchAll(BARE_SCORE)) if (!match[1]) stated.push({ excerpt: quote(text, match), number: match[2] ?? '' });
  }
  for (const { excerpt, number } of stated) {
    const value = parse(number);
    if (!value || agrees(decimalFraction(value), value.scale, { num: BigInt(total), den: 100n })) continue;
    findings.push(
      finding(
        'NARRATIVE_MISMATCH',
        { kind: 'evaluation' },
        {
          where,
          whereEn: text.whereEn,
          excerpt,
          what: '自评得分',
          whatEn: 'the self-evaluation score',
          stated: `${number}分`,
          current: `${formatPoints(total)}分`,
        },
      ),
    );
  }
}

const RATE_STATED = new RegExp(`预算执行率(?:为|是|达到|达|:)?\\s*(${NUMBER})\\s*%`, 'g');

function checkRate(text: Text, input: EvaluationInput, findings: Finding[]): void {
  const { executed, adjusted } = input.budget;
  if (adjusted <= 0) return;
  const rate: Fraction = { num: BigInt(executed) * 100n, den: BigInt(adjusted) };
  for (const match of text.read.matchAll(RATE_STATED)) {
    const value = parse(match[1] ?? '');
    if (!value || agrees(decimalFraction(value), value.scale, rate)) continue;
    findings.push(
      finding(
        'NARRATIVE_MISMATCH',
        { kind: 'budget', id: 'execution', name: '预算执行率' },
        {
          where: text.where,
          whereEn: text.whereEn,
          excerpt: quote(text, match),
          what: '预算执行率',
          whatEn: 'the budget execution rate',
          stated: `${match[1]}%`,
          current: formatPercent({ num: BigInt(executed), den: BigInt(adjusted) }),
        },
      ),
    );
  }
}

const LEVEL_OF_LABEL: Readonly<Record<string, Level1>> = { 产出: 'output', 效益: 'effect', 满意度: 'satisfaction' };
const COUNT_STATED = /(产出|效益|满意度)指标[下中]?(?:共)?设置了?([0-9一二两三四五六七八九十]+)个三级指标/gu;

function checkCounts(text: Text, input: EvaluationInput, findings: Finding[]): void {
  for (const match of text.read.matchAll(COUNT_STATED)) {
    const level = LEVEL_OF_LABEL[match[1] ?? ''];
    const stated = countOf(match[2] ?? '');
    if (!level || stated === undefined) continue;
    // The report counts every indicator in the tree, not-applicable ones included (report 一(三)).
    const current = input.indicators.filter((indicator) => indicator.level1 === level).length;
    if (stated === current) continue;
    findings.push(
      finding(
        'NARRATIVE_MISMATCH',
        { kind: 'level', id: level, name: LEVEL1_LABEL[level] },
        {
          where: text.where,
          whereEn: text.whereEn,
          excerpt: quote(text, match),
          what: `${LEVEL1_LABEL[level]}下的三级指标个数`,
          whatEn: `the number of level-3 indicators under ${LEVEL1_LABEL[level]}`,
          stated: `${match[2]}个`,
          current: `${current}个`,
        },
      ),
    );
  }
}

const CHINESE_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12" or "十二" → 12; anything else (百, 零) is not read. */
function countOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(text);
  if (!match || text === '') return undefined;
  const [, tens = '', ten = '', ones = ''] = match;
  if (!ten) return tens && !ones ? CHINESE_DIGIT[tens] : undefined;
  return (tens ? (CHINESE_DIGIT[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGIT[ones] ?? 0) : 0);
}
