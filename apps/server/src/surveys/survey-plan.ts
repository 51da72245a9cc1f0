import { surveys as core, type Fraction, formatScaled, parseDecimal } from '@jixiao/core';
import type { SurveyPlanColumn } from '../db/survey-schema.ts';
import { type FieldDetail, validationFailed } from '../errors.ts';

/** "5" or "4.5" (percent) → basis points; undefined when not in (0, max]. */
function percentToBasisPoints(text: string, max: number): number | undefined {
  const value = parseDecimal(text);
  if (!value || value.scale > 2) return undefined;
  const basisPoints = Number(value.units) * 10 ** (2 - value.scale);
  return basisPoints > 0 && basisPoints <= max * 100 ? basisPoints : undefined;
}

export const basisPointsShare = (basisPoints: number): Fraction => ({ num: BigInt(basisPoints), den: 10_000n });

/** Two decimals of a basis-point figure as percent text: 450 → "4.5", 6000 → "60". */
export const percentText = (basisPoints: number): string => formatScaled(basisPoints, 2).replace(/\.?0+$/, '');

export interface PlanRequest {
  readonly population?: number | null | undefined;
  readonly confidence: core.Confidence;
  readonly margin: string;
  readonly responseRate: string;
}

/** The plan's figures from its inputs, or a validation error naming the field. */
export function computePlan(input: PlanRequest, source: SurveyPlanColumn['populationSource'], path = 'body.plan'): SurveyPlanColumn {
  const problems: FieldDetail[] = [];
  const margin = percentToBasisPoints(input.margin, 50);
  const rate = percentToBasisPoints(input.responseRate, 100);
  if (margin === undefined || margin >= 10_000)
    problems.push({ path: `${path}.margin`, message: `误差“${input.margin}%”应大于 0 且不超过 50%` });
  if (rate === undefined)
    problems.push({ path: `${path}.responseRate`, message: `预计回收率“${input.responseRate}%”应大于 0 且不超过 100%` });
  if (problems.length || margin === undefined || rate === undefined) throw validationFailed(problems);
  const population = input.population ?? null;
  const plan = core.planSample({
    population: population ?? undefined,
    confidence: input.confidence,
    margin: basisPointsShare(margin),
    responseRate: basisPointsShare(rate),
  });
  return {
    population,
    populationSource: source,
    confidence: input.confidence,
    marginBasisPoints: margin,
    responseRateBasisPoints: rate,
    required: plan.required,
    invitations: plan.invitations,
    census: plan.census,
  };
}

export function presentPlan(plan: SurveyPlanColumn) {
  return {
    population: plan.population,
    populationSource: plan.populationSource,
    confidence: plan.confidence,
    margin: percentText(plan.marginBasisPoints),
    responseRate: percentText(plan.responseRateBasisPoints),
    required: plan.required,
    invitations: plan.invitations,
    census: plan.census,
  };
}
