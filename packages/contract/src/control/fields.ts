import { type Fen, parseYuan } from '@jixiao/core';
import { z } from 'zod';
import { Money, Uuid } from '../common.ts';

/**
 * Edge helpers shared by the procurement, contract, asset and subsidy modules: amounts arrive as
 * yuan text and leave the schema as integer fen (style guide rule 15); codes of counterparties are
 * checked against GB 32100-2015 by core (control.checkUscc).
 */

/** A non-negative amount, yuan text in, integer fen out. */
export const AmountFen = Money.transform((text, ctx): Fen => {
  const parsed = parseYuan(text);
  if (!parsed.ok) {
    ctx.issues.push({ code: 'custom', input: text, message: '金额超出可处理的范围' });
    return z.NEVER;
  }
  if (parsed.value < 0) {
    ctx.issues.push({ code: 'custom', input: text, message: '金额不能为负' });
    return z.NEVER;
  }
  return parsed.value;
});

export const PositiveAmountFen = AmountFen.refine((fen) => fen > 0, { error: '金额须大于 0' });

/** Free text a person types: trimmed, bounded, and not blank when required. */
export const Text = (max: number) => z.string().trim().min(1).max(max);
export const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Who asked and who decided, as every request-then-approve record (处置, 结清/终止) presents it. */
export const DecisionTrail = {
  status: z.enum(['requested', 'approved', 'rejected']),
  statusLabel: z.string(),
  requestedBy: Uuid,
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: Uuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
};
