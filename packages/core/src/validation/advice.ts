import type { Direction } from '../model.ts';
import { normaliseNumberText } from '../numbers/number-text.ts';

/**
 * What a refused value was and how to write it. Preparers copy target wording from the plan into
 * the number cell ("不少于20亿元", "90％以上"); the message takes that wording apart into the
 * fields the workbook keeps separately, so the fix can be copied back.
 */

/** "读到“不少于20”" / "读到 20": the value as read, for messages. */
export function readAs(input: unknown): string {
  return typeof input === 'string' ? `读到${shown(input)}` : `读到 ${shown(input)}`;
}

/** The value as read, for messages: text in quotes (cut short when long), numbers and booleans as written. */
export function shown(input: unknown): string {
  if (typeof input === 'string') return `“${input.length > 40 ? `${input.slice(0, 40)}…` : input}”`;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return '一个列表';
  if (typeof input === 'object') return '一个对象';
  return String(input);
}

/** The words of a target's wording, each with the direction it states. Longest first, so 不少于 wins over 少于. */
const DIRECTION_WORDS: readonly (readonly [string, Direction])[] = [
  ['大于等于', '>='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['>=', '>='],
  ['≥', '>='],
  ['小于等于', '<='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不大于', '<='],
  ['控制在', '<='],
  ['<=', '<='],
  ['≤', '<='],
  ['超过', '>'],
  ['大于', '>'],
  ['高于', '>'],
  ['>', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['<', '<'],
  ['等于', '='],
  ['=', '='],
];

/** Trailing words that state a direction after the number: "90%以上", "3个工作日内". */
const TRAILING_WORDS: readonly (readonly [string, Direction])[] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['以内', '<='],
  ['之内', '<='],
  ['以下', '<='],
  ['内', '<='],
];

const NUMBER_WITH_UNIT = /^([+-]?\d+(?:\.\d+)?)(.*)$/;

export interface TargetWording {
  readonly direction?: Direction | undefined;
  readonly number: string;
  readonly unit?: string | undefined;
}

/** "不少于20亿元" → { direction: '>=', number: '20', unit: '亿元' }; undefined when there is no number to take. */
export function splitTargetWording(raw: string): TargetWording | undefined {
  let text = normaliseNumberText(raw);
  let direction: Direction | undefined;
  const leading = DIRECTION_WORDS.find(([word]) => text.startsWith(word));
  if (leading) {
    direction = leading[1];
    text = text.slice(leading[0].length);
  }
  const trailing = TRAILING_WORDS.find(([word]) => text.endsWith(word));
  if (trailing) {
    direction ??= trailing[1];
    text = text.slice(0, -trailing[0].length);
  }
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) return undefined;
  const [, number = '', unit = ''] = match;
  if (/\d/.test(unit)) return undefined;
  return { direction, number, unit: unit || undefined };
}

/** Why a value is not a decimal number, and how to write it. */
export function decimalAdvice(input: unknown): string {
  const base = `${readAs(input)}，应为数字，如 "23.39" 或 "-4.53"`;
  if (typeof input !== 'string') return base;
  const wording = splitTargetWording(input);
  if (!wording || (!wording.direction && !wording.unit)) return base;
  const parts = [
    ...(wording.direction ? [`方向填 "${wording.direction}"`] : []),
    `数值填 "${wording.number}"`,
    ...(wording.unit ? [`单位填 "${wording.unit}"`] : []),
  ];
  return `${readAs(input)}，这一栏只填数字。请把${parts.join('，')}`;
}

/** Why a value is not a score (分值 / 得分), and how to write it. */
export function pointsAdvice(input: unknown): string {
  const base = `${readAs(input)}，应为不小于 0、最多两位小数的分数，如 "5" 或 "2.31"`;
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? normaliseNumberText(input) : undefined;
  if (text === undefined) return base;
  if (/^-/.test(text)) return `${readAs(input)}，分数不能为负数`;
  const decimals = /^\+?\d+\.(\d{3,})$/.exec(text)?.[1];
  if (decimals) return `${readAs(input)}，分数最多两位小数（如 "2.31"），系统不做四舍五入，请核对后重填`;
  return base;
}

/** Why a value is not an amount of money in yuan, and how to write it. */
export function moneyAdvice(input: unknown): string {
  if (typeof input === 'number') return `读到数字 ${String(input)}，金额请写成带引号的文本（元），如 "${input.toFixed(2)}"，以免小数失真`;
  const base = `${readAs(input)}，应为金额文本（元），最多两位小数，如 "1234.56"`;
  if (typeof input !== 'string') return base;
  const text = normaliseNumberText(input);
  const yuan = text.replace(/元$/, '');
  if (/^-?\d+\.\d*[1-9]\d*$/.test(yuan) && /\.\d{3,}$/.test(yuan)) {
    return `${readAs(input)}，金额最多两位小数（元，精确到分）；系统不做四舍五入，请核对后重填`;
  }
  if (/^-?\d+(\.\d{1,2})?$/.test(yuan) && yuan !== input.trim())
    return `${readAs(input)}，请写作 "${yuan}"（只填数字，单位为元，不加分隔符）`;
  if (/万元?$/.test(text)) return `${readAs(input)}，金额以元为单位，请换算成元后只填数字，如 "1234.56"`;
  return base;
}

const DIRECTION_CODES = '">="、">"、"<="、"<"、"=" 或 "qualitative"';

/** Why a direction is not one of the codes, and which code the wording means. */
export function directionAdvice(input: unknown): string {
  const base = `${readAs(input)}，应为 ${DIRECTION_CODES}（定性）之一`;
  if (typeof input !== 'string') return base;
  const text = normaliseNumberText(input);
  if (text === '定性' || text === '定性指标') return `${readAs(input)}，请写作 "qualitative"`;
  const word = DIRECTION_WORDS.find(([spelling]) => text === spelling) ?? TRAILING_WORDS.find(([spelling]) => text === spelling);
  if (word) return `${readAs(input)}，请写作 "${word[1]}"`;
  const wording = splitTargetWording(input);
  if (wording?.direction) {
    const unit = wording.unit ? `，单位填 "${wording.unit}"` : '';
    return `${readAs(input)}：方向填 "${wording.direction}"，目标值填 "${wording.number}"${unit}`;
  }
  return base;
}

/** Why a date is refused: "2025/6/20" and "2025年6月20日" are shown as the YYYY-MM-DD they mean. */
export function dateAdvice(input: unknown): string {
  const base = `应为日期，格式 YYYY-MM-DD，如 "2025-06-20"；${readAs(input)}`;
  if (typeof input !== 'string') return base;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(normaliseNumberText(input));
  if (!match) return base;
  const [, year = '', month = '', day = ''] = match;
  return `应为日期，格式 YYYY-MM-DD；${readAs(input)}，请写作 "${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}"`;
}
