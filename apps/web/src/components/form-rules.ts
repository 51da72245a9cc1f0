import { DecimalText, PointsText } from '@jixiao/contract';
import type { FormRule as Rule } from 'antd';
import { parseMoneyInput, toFen } from '../lib/money.ts';
import { pointsAtMost } from '../lib/points.ts';

/** Form rules matching the contract's formats, so most mistakes are caught before a round trip. */
const empty = (value: unknown) => value === undefined || value === null || value === '';

export const decimalRule = (message: string): Rule => ({
  validator: (_rule, value: unknown) =>
    empty(value) || DecimalText.safeParse(value).success ? Promise.resolve() : Promise.reject(new Error(message)),
});

export const pointsRule = (message: string, max?: string | null): Rule => ({
  validator: (_rule, value: unknown) => {
    if (empty(value)) return Promise.resolve();
    if (typeof value !== 'string' || !PointsText.safeParse(value).success) return Promise.reject(new Error(message));
    if (max && !pointsAtMost(value, max)) return Promise.reject(new Error(message));
    return Promise.resolve();
  },
});

export const moneyRule = (message: string): Rule => ({
  validator: (_rule, value: unknown) =>
    empty(value) || (typeof value === 'string' && parseMoneyInput(value) !== null) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** A money amount greater than zero (支付金额, 合同金额); blank is left to `required`. */
export const positiveMoneyRule = (message: string): Rule => ({
  validator: (_rule, value: unknown) => {
    if (empty(value)) return Promise.resolve();
    const parsed = typeof value === 'string' ? parseMoneyInput(value) : null;
    const fen = parsed === null ? null : toFen(parsed);
    return fen !== null && fen > 0n ? Promise.resolve() : Promise.reject(new Error(message));
  },
});

/** The rules of every required amount field (支付金额, 合同金额, 预算金额): present, money, above zero. */
export const requiredAmountRules = (notMoney: string, notPositive: string): Rule[] => [
  { required: true, message: notMoney },
  moneyRule(notMoney),
  positiveMoneyRule(notPositive),
];
