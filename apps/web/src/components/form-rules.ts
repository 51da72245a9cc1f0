import { DecimalText, PointsText } from '@jixiao/contract';
import type { FormRule as Rule } from 'antd';
import { parseMoneyInput } from '../lib/money.ts';
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
