import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { evaluations, organisations, users } from './schema.ts';

/**
 * 结果应用 and 公开 (docs/finance-bureau.md "结果应用 and 公开"): the finance bureau's decision on how each
 * evaluation's result is applied to the project's next-year budget, and each department's choice of
 * what its public page shows beyond the published reports.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const fen = (name: string) => bigint(name, { mode: 'number' });

export type ResultTreatmentColumn = 'prioritise' | 'maintain' | 'reduce' | 'suspend';

export const resultDecisions = pgTable(
  'result_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    /** The evaluated unit, the year evaluated and the project's code: the next year finds its decision by these. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    projectCode: text('project_code').notNull(),
    projectName: text('project_name').notNull(),
    /** What the suggestion rested on when the decision was taken (hundredths of a point). */
    scoreSource: text('score_source').$type<'rereview' | 'self'>().notNull(),
    total: integer('total').notNull(),
    grade: text('grade').$type<'优' | '良' | '中' | '差'>().notNull(),
    budgetFen: fen('budget_fen').notNull(),
    suggestedTreatment: text('suggested_treatment').$type<ResultTreatmentColumn>().notNull(),
    suggestedFen: fen('suggested_fen').notNull(),
    reducePercent: integer('reduce_percent').notNull(),
    decision: text('decision').$type<'adopt' | 'adjust'>().notNull(),
    treatment: text('treatment').$type<ResultTreatmentColumn>().notNull(),
    decidedFen: fen('decided_fen').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: at('decided_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    // One decision per evaluation: a second is refused, never a silent overwrite.
    uniqueIndex('result_decisions_evaluation_key').on(table.evaluationId),
    index('result_decisions_project_idx').on(table.organisationId, table.projectCode, table.fiscalYear),
  ],
);

/** 公开设置: what a department publishes beyond the reports; personal details only when it opts in. */
export const publicSettings = pgTable('public_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Show the preparer's phone (填报人联系电话) on the public page; off unless the department chooses. */
  showPreparerPhone: boolean('show_preparer_phone').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
