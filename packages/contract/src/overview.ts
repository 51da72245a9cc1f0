import { z } from 'zod';
import { Uuid, YearText } from './common.ts';
import { STATUS } from './evaluation.ts';

/** The finance bureau's overview (总览) of a fiscal year (docs/finance-bureau.md "Overview"). */
export const OVERVIEW_ANOMALY_CODES = [
  'ALL_FULL_MARKS',
  'SELF_SCORE_FULL',
  'HOLLOW_INDICATOR',
  'SATISFACTION_SURVEY_MISSING',
  'EXECUTION_LOW_NO_REASON',
  'COST_AS_AT_LEAST',
  'ZERO_ACTUAL_UNEXPLAINED',
  'HIGH_SCORE_LOW_SPENDING',
] as const;

export const OVERVIEW_GRADES = ['优', '良', '中', '差'] as const;

export const OverviewQuery = z.object({
  /** Default: the latest year with evaluations in scope. */
  fiscalYear: YearText.optional(),
  departmentId: Uuid.optional(),
  /** Text in a department's, unit's or project's name. */
  q: z.string().trim().max(100, { error: '搜索内容不能超过 100 个字' }).optional(),
  /** The page of the anomaly list (50 a page), from 1. */
  anomalyPage: z.coerce
    .number({ error: '异常清单页码应为整数' })
    .int({ error: '异常清单页码应为整数' })
    .min(1, { error: '异常清单页码从 1 开始' })
    .max(100_000, { error: '异常清单页码过大' })
    .optional(),
});

/** Counts by workflow status (every status present, 0 when none). */
const Progress = z.record(z.enum(STATUS), z.number().int());
/** "75.00%"; null when there is nothing to divide by. */
const Percent = z.string().nullable();
/** "99.52"; null when nothing is scored. */
const Score = z.string().nullable();

/** Monitoring forms counted by their light (the worst of each form's lights). */
export const OverviewLights = z.object({
  red: z.number().int(),
  yellow: z.number().int(),
  blue: z.number().int(),
  green: z.number().int(),
  none: z.number().int(),
});

export const OverviewDepartment = z.object({
  departmentId: Uuid,
  name: z.string(),
  progress: Progress,
  evaluations: z.number().int(),
  /** Handed in: submitted or any later status. */
  submitted: z.number().int(),
  budgetedProjects: z.number().int(),
  evaluatedProjects: z.number().int(),
  coverage: Percent,
  overdue: z.number().int(),
  averageScore: Score,
  excellentGoodRate: Percent,
  anomalies: z.number().int(),
  /** By average score, highest first, equal scores sharing a place; null when nothing is scored. */
  rank: z.number().int().nullable(),
  /** The latest monitoring round's forms of the department and its units by light; null when it filled none. */
  lights: OverviewLights.nullable(),
  /** Drill-down: the units with evaluations, each with its evaluations (the evaluation page links by id). */
  units: z.array(
    z.object({
      unitId: Uuid,
      name: z.string(),
      evaluations: z.array(
        z.object({ evaluationId: Uuid, name: z.string(), status: z.enum(STATUS), selfScore: Score, anomalies: z.number().int() }),
      ),
    }),
  ),
});

export const OverviewPoint = z.object({
  evaluationId: Uuid,
  name: z.string(),
  departmentName: z.string(),
  /** Execution in basis points (9952 = 99.52 %) and the self-score in hundredths: exact integers. */
  executionBasisPoints: z.number().int(),
  selfScore: z.number().int(),
  highScoreLowSpending: z.boolean(),
});

export const OverviewAnomaly = z.object({
  evaluationId: Uuid,
  evaluationName: z.string(),
  departmentId: Uuid,
  departmentName: z.string(),
  unitId: Uuid,
  unitName: z.string(),
  code: z.enum(OVERVIEW_ANOMALY_CODES),
  label: z.string(),
  rule: z.string(),
  detail: z.string(),
});

export const Overview = z.object({
  fiscalYear: z.number().int().nullable(),
  years: z.array(z.number().int()),
  /** The departments in scope, for the filter. */
  departmentOptions: z.array(z.object({ id: Uuid, name: z.string() })),
  deadlines: z.object({ submit: z.string().nullable(), review: z.string().nullable(), finance: z.string().nullable() }),
  totals: z.object({
    departments: z.number().int(),
    evaluations: z.number().int(),
    submitted: z.number().int(),
    overdue: z.number().int(),
    coverage: Percent,
    averageScore: Score,
    excellentGoodRate: Percent,
    anomalies: z.number().int(),
  }),
  distribution: z.record(z.enum(OVERVIEW_GRADES), z.number().int()),
  departments: z.array(OverviewDepartment),
  /** Every 高分低支 point and an even sample of the others, at most 2,000; `pointsTotal` counts them all. */
  points: z.array(OverviewPoint),
  pointsTotal: z.number().int(),
  /** One page of the anomalies (in department, unit and evaluation order); `anomalyPage.total` counts them all. */
  anomalies: z.array(OverviewAnomaly),
  anomalyPage: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }),
  /**
   * Whether the departments carry their units' evaluations (drill-down): always for one department, and
   * for the whole year while it holds at most 2,000 evaluations; otherwise a department is opened on its own.
   */
  unitsShown: z.boolean(),
  /**
   * 运行监控: the latest monitoring round in scope (whatever the overview's year: it is usually the year in
   * progress beside last year's evaluations), with its forms counted by light; null before any round.
   */
  monitoring: z
    .object({ taskId: Uuid, title: z.string(), fiscalYear: z.number().int(), cutoffDate: z.string(), totals: OverviewLights })
    .nullable(),
  /** The anomaly thresholds in force, for the page's explanations. */
  thresholds: z.object({ executionReasonBelowPercent: z.number(), highScoreFloor: z.number(), lowSpendingBelowPercent: z.number() }),
});

export type OverviewQuery = z.infer<typeof OverviewQuery>;
export type Overview = z.infer<typeof Overview>;
export type OverviewDepartment = z.infer<typeof OverviewDepartment>;
export type OverviewAnomaly = z.infer<typeof OverviewAnomaly>;
export type OverviewPoint = z.infer<typeof OverviewPoint>;
export type OverviewLights = z.infer<typeof OverviewLights>;

/** A budget-weighted aggregate of self-scores (informative, beside the official score). */
export const RollupAggregate = z.object({
  /** "91.08"; null when nothing is handed in with a budget. */
  score: z.string().nullable(),
  /** Σ 调整预算数 of what was counted, in fen. */
  weightFen: z.number().int(),
  counted: z.number().int(),
  notCounted: z.number().int(),
});

const RollupEvaluation = z.object({
  evaluationId: Uuid,
  status: z.enum(STATUS),
  /** Self-score "91.08"; null until handed in, or while an error blocks the score. */
  selfScore: z.string().nullable(),
  budgetFen: z.number().int(),
});

/**
 * 汇总 of a department's overall evaluation (docs/finance-bureau.md "Roll-up"): its units' overall
 * evaluations and every project evaluation below it, with budget-weighted aggregates.
 */
export const EvaluationRollup = z.object({
  evaluationId: Uuid,
  fiscalYear: z.number().int(),
  organisationName: z.string(),
  /** The department's own score by the official rules, for comparison. */
  officialScore: z.string().nullable(),
  /** 重点项目 from this adjusted budget up, in fen (configuration). */
  keyProjectFromFen: z.number().int(),
  units: z.array(
    z.object({
      organisationId: Uuid,
      name: z.string(),
      /** The unit's own 部门整体支出 evaluation, when it has one this year. */
      overall: RollupEvaluation.nullable(),
      projectCount: z.number().int(),
      /** Its projects' budget-weighted self-score. */
      projects: RollupAggregate,
    }),
  ),
  projects: z.array(RollupEvaluation.extend({ name: z.string(), code: z.string(), unitName: z.string(), key: z.boolean() })),
  aggregate: z.object({ projects: RollupAggregate, keyProjects: RollupAggregate, units: RollupAggregate }),
});
export type EvaluationRollup = z.infer<typeof EvaluationRollup>;
export type RollupAggregate = z.infer<typeof RollupAggregate>;
