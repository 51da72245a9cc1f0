import { z } from 'zod';

/** Money travels as a decimal yuan string with at most two decimals ("1234.56"), never a JSON number. */
export const Money = z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, { error: '应为金额（元），最多两位小数，如 "1234.56"' });
/** Points (分值/得分) as a decimal string with at most two decimals. */
export const PointsText = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '应为分数，最多两位小数，如 "5" 或 "2.31"' });
/** An exact decimal value (目标值, 完成值). */
export const DecimalText = z.string().regex(/^[+-]?\d{1,18}(\.\d{1,10})?$/, { error: '应为数字，如 "23.39" 或 "-4.53"' });
export const Uuid = z.uuid({ error: '编号格式不正确' });
export const Version = z.number().int().min(1);
export const IsoDate = z.iso.date({ error: '应为日期，格式 YYYY-MM-DD' });

/** The one error shape of every failure (docs/api.md). */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
