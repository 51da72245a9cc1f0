import { z } from 'zod';
import { Int32, Uuid, YearText } from '../common.ts';

/** 行政事业单位内部控制基础性评价 of one unit's year. */
export const SelfAssessmentQuery = z.object({ organisationId: Uuid, fiscalYear: YearText });

export const AssessmentEntry = z.object({
  code: z.string().max(10),
  score: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '应为分数，最多两位小数' })
    .nullable()
    .optional(),
  notApplicable: z.boolean().optional(),
  note: z.string().trim().max(500).optional(),
});

/** The unit's own scores over the system's pre-fill; the version is the one read (0 before the first save). */
export const SaveSelfAssessment = SelfAssessmentQuery.extend({
  version: Int32.min(0),
  entries: z.array(AssessmentEntry).max(100),
});

export const ASSESSMENT_LEVELS = ['unit', 'business'] as const;

const Prefill = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), score: z.string(), basis: z.string() }),
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('not-applicable'), basis: z.string() }),
]);

export const AssessmentItem = z.object({
  code: z.string(),
  level: z.enum(ASSESSMENT_LEVELS),
  category: z.string(),
  name: z.string(),
  /** 分值, "4.00". */
  points: z.string(),
  prefill: Prefill,
  /** The score in force: the unit's own, else the pre-fill's; null while unscored. */
  score: z.string().nullable(),
  notApplicable: z.boolean(),
  note: z.string().nullable(),
});

/** What the system knows of the unit's year: the evidence behind the pre-fill, printed on the exported form. */
const ControlFacts = z.object({
  modules: z.object({
    budget: z.boolean(),
    payments: z.boolean(),
    procurement: z.boolean(),
    assets: z.boolean(),
    contracts: z.boolean(),
    construction: z.boolean(),
  }),
  segregationEnforced: z.boolean(),
  refusals: Int32,
  collectiveDecisions: Int32,
  adjustmentsApproved: Int32,
  stocktakesThisYear: Int32,
  procurements: z.object({ total: Int32, compliant: Int32 }),
  contracts: z.object({ total: Int32, withAcceptance: Int32 }),
});

const Subtotal = z.object({ score: z.string(), points: z.string() });

export const SelfAssessment = z.object({
  organisationId: Uuid,
  fiscalYear: Int32,
  /** 0 until first saved. */
  version: Int32.min(0),
  facts: ControlFacts,
  items: z.array(AssessmentItem),
  unit: Subtotal,
  business: Subtotal,
  notApplicablePoints: z.string(),
  total: z.string(),
  unscored: z.array(z.string()).readonly(),
  explanation: z.string(),
});

export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];
export type AssessmentItem = z.infer<typeof AssessmentItem>;
export type SelfAssessment = z.infer<typeof SelfAssessment>;
export type AssessmentEntryBody = z.input<typeof AssessmentEntry>;
/** z.infer, not z.input: the year is coerced (it is read from the query string too), and the app sends it as a number. */
export type SaveAssessmentBody = z.infer<typeof SaveSelfAssessment>;
