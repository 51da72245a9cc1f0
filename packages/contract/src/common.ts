import { z } from 'zod';

/** Money travels as a decimal yuan string with at most two decimals ("1234.56"), never a JSON number. */
export const Money = z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, { error: '应为金额（元），最多两位小数，如 "1234.56"' });
/** Points (分值/得分) as a decimal string with at most two decimals. */
export const PointsText = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '应为分数，最多两位小数，如 "5" 或 "2.31"' });
/** An exact decimal value (目标值, 完成值). */
export const DecimalText = z.string().regex(/^[+-]?\d{1,18}(\.\d{1,10})?$/, { error: '应为数字，如 "23.39" 或 "-4.53"' });
export const Uuid = z.uuid({ error: '编号格式不正确' });
/**
 * Every integer the API accepts lands in a PostgreSQL `integer` column or compares with one (versions,
 * years, revisions, positions): beyond 32 bits the database refuses it with a fault, so it is refused here.
 */
export const Int32 = z.number().int().min(-2147483648).max(2147483647);
/** The same bound for integers read from a path or query string. */
export const Int32Text = z.coerce.number().pipe(Int32);
export const Version = Int32.min(1);
/**
 * A budget year. Years are created only within 2000–2100 (新建年度), so any other year names no
 * record; the bound also keeps date arithmetic on the year (1 January, 31 December) valid.
 */
export const Year = z.number().int().min(2000, { error: '年度应在 2000 至 2100 之间' }).max(2100, { error: '年度应在 2000 至 2100 之间' });
export const YearText = z.coerce.number().pipe(Year);
/** Budget figures are amounts of money held or spent: never below zero. */
export const NonNegativeMoney = Money.refine((text) => !text.startsWith('-'), { error: '金额不能为负数' });
export const IsoDate = z.iso.date({ error: '应为日期，格式 YYYY-MM-DD' });
/** A list's search box: what was typed, matched literally as part of the record's names (% and _ are characters). */
export const ListSearch = z.string().trim().min(1, { error: '搜索内容不能为空' }).max(100, { error: '搜索内容最多 100 个字' });

/** The one error shape of every failure (docs/api.md). */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/** What a create answers: the new record's id. */
export const Created = z.object({ id: Uuid });
export type Created = z.infer<typeof Created>;
