import { FINDINGS, type PresentedEvaluation, RULES } from '@jixiao/core';
import { z } from 'zod';
import { Int32, PointsText } from './common.ts';

/**
 * The answer of GET /api/evaluations/:id/score: the core's `presentEvaluation`, described for the API
 * reference and checked at compile time against what the core returns (see `_scoreMatchesCore`).
 */
/**
 * Sums of points (weights of a level, raw totals) are not bounded by one indicator's 999.99: a weight
 * table that adds up past it is reported by a blocking finding, and must still be shown to be fixed.
 */
const points = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,2})?$/)
  .nullable();
const keysOf = <T extends object>(record: T) => Object.keys(record) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

const ScorePair = z.object({ computed: points, final: points });
const PartKey = z.enum(['output', 'effect', 'satisfaction', 'indicators', 'execution', 'management']);

export const ScoreFinding = z.object({
  code: z.enum(keysOf(FINDINGS)),
  severity: z.enum(['error', 'warning', 'info']),
  blocking: z.boolean(),
  message: z.string(),
  messageEn: z.string(),
  subject: z.object({
    kind: z.enum(['indicator', 'management', 'budget', 'level', 'goal', 'evaluation']),
    id: z.string().optional(),
    name: z.string().optional(),
  }),
});

export const ScoreItem = z.object({
  kind: z.enum(['indicator', 'execution', 'management']),
  id: z.string(),
  name: z.string(),
  part: PartKey,
  level2: z.string().nullable(),
  level2Label: z.string().nullable(),
  goalId: z.string().nullable(),
  target: z.string().nullable(),
  adjustedTarget: z.string().nullable().meta({ description: '调整后指标值（经批准调整时），得分按其计算' }),
  actual: z.string().nullable(),
  completionPercent: z.string().nullable(),
  status: z.enum(['met', 'partial', 'not-met', 'not-applicable', 'missing']),
  statusLabel: z.string(),
  weight: points,
  computed: points,
  final: points,
  deviationReason: z.string().nullable(),
  adjustment: z.object({ score: PointsText, reason: z.string() }).nullable(),
  explanation: z.object({
    rule: z.enum(keysOf(RULES)),
    ruleTitle: z.string(),
    source: z.string(),
    inputs: z.record(z.string(), z.string()),
    text: z.string().meta({ description: '计算过程，如 "23.39 ≥ 20 → 满分 5.00"' }),
  }),
  adjustmentExplanation: z.string().nullable(),
  isCore: z.boolean(),
  illustrative: z.boolean(),
});

export const EvaluationScore = z.object({
  scheme: z.object({ id: z.string(), version: z.string(), name: z.string() }),
  total: ScorePair,
  raw: ScorePair,
  totalWeight: points,
  notApplicableWeight: points,
  grade: z.object({ computed: z.string().nullable(), final: z.string().nullable(), explanation: z.string() }),
  totalExplanation: z.string(),
  parts: z.array(
    z.object({
      key: PartKey,
      label: z.string(),
      weight: points,
      notApplicableWeight: points,
      computed: points,
      final: points,
      count: Int32,
    }),
  ),
  items: z.array(ScoreItem),
  findings: z.array(ScoreFinding).readonly(),
});
export type EvaluationScore = z.infer<typeof EvaluationScore>;

// Fail to compile when the core's presentation and this description drift apart: every value fits, and
// no field of the core's is missing here (the response serialiser would drop it without a word).
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const _scoreMatchesCore = (presented: PresentedEvaluation): z.input<typeof EvaluationScore> => presented;
const _sameFields: SameKeys<PresentedEvaluation, EvaluationScore> = true;
const _sameItemFields: SameKeys<PresentedEvaluation['items'][number], EvaluationScore['items'][number]> = true;
void [_scoreMatchesCore, _sameFields, _sameItemFields];
