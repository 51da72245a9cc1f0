import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Deps } from '../context.ts';
import { recordFollowUpResult } from '../control/subsidies/follow-up.service.ts';
import { evaluations, evaluationTransitions, publishedReports, subsidyFollowUps, subsidyGrants } from '../db/schema.ts';
import { transitionEvaluation } from '../evaluations/commands/transition-evaluation.ts';
import { type DemoPeople, demoContext } from './demo-declarations.ts';

/** Whether the reference year's review had closed (财政复核 deadline 2025-07-31, China date) on that instant. */
export function referenceYearClosed(instant: Date): boolean {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) > '2025-07-31';
}

/** The reference year's review, as it went: the dates a finished FY2024 carries (China dates, 10:00). */
const STEPS = [
  { action: 'submit', by: 'preparer', on: '2025-06-12', comment: undefined },
  { action: 'approve', by: 'reviewer', on: '2025-06-18', comment: '经审核，自评内容完整、佐证充分，同意报财政复核' },
  { action: 'approve', by: 'finance', on: '2025-07-08', comment: '财政复核通过，自评结果与佐证材料一致' },
  { action: 'publish', by: 'finance', on: '2025-07-25', comment: '按规定在门户网站公开' },
] as const;

const PREPARER_OF = { department: 'preparer', project: 'unit.preparer' } as const;

/**
 * A demo started after the reference year's review closed (the finance bureau's deadline, 2025-07-31)
 * shows that year as finished: both FY2024 self-evaluations went through 提交 → 部门审核 → 财政复核 →
 * 公开, each step by its own demo user through the workflow command, so the history, the notifications,
 * the published report and the library's actuals are what a real year leaves. The steps' business dates
 * are set to 2025; the audit log keeps the true time the demo was loaded, as a tamper-evident log must.
 * Its 补贴事后检查 due in those years are recorded as done. The test harness seeds without this step: its
 * stories walk the reference year themselves.
 */
export async function finishReferenceYear(deps: Deps, people: DemoPeople): Promise<number> {
  if (!referenceYearClosed(deps.clock())) return 0;
  const rows = await deps.db
    .select({ id: evaluations.id, kind: evaluations.kind, revision: evaluations.revision })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.fiscalYear, 2024),
        eq(evaluations.status, 'draft'),
        inArray(evaluations.organisationId, [people.departmentId, people.smeCentreId]),
      ),
    );
  for (const row of rows) {
    const earlier = await stepIds(deps, row.id);
    let revision = row.revision;
    for (const step of STEPS) {
      const by = step.action === 'submit' ? PREPARER_OF[row.kind] : step.by;
      await transitionEvaluation(deps, demoContext(people, by), row.id, {
        action: step.action,
        comment: step.comment,
        revision,
      });
      revision = await currentRevision(deps, row.id);
    }
    await dateSteps(deps, row.id, earlier);
  }
  await closeFollowUps(deps, people);
  return rows.length;
}

/**
 * The reference years' 补贴事后跟踪检查 were done on time: a check of 2024's grants still pending today
 * would read as 612 days overdue. Each is recorded through the service by the post that holds it, dated
 * a few days before it fell due; checks due after the reference years stay as they are.
 */
async function closeFollowUps(deps: Deps, people: DemoPeople): Promise<void> {
  const pending = await deps.db
    .select({ id: subsidyFollowUps.id, dueOn: subsidyFollowUps.dueOn, version: subsidyFollowUps.version })
    .from(subsidyFollowUps)
    .innerJoin(subsidyGrants, eq(subsidyGrants.id, subsidyFollowUps.grantId))
    .where(and(eq(subsidyFollowUps.result, 'pending'), lt(subsidyFollowUps.dueOn, '2026-01-01')));
  const approver = demoContext(people, 'approver');
  for (const check of pending) {
    const performedOn = new Date(Date.parse(`${check.dueOn}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
    await recordFollowUpResult(deps, approver, check.id, {
      version: check.version,
      result: 'normal',
      abnormalOperation: false,
      finding: '企业正常经营，扶持项目已按期投产（示例）',
      performedOn,
    });
  }
}

async function currentRevision(deps: Deps, evaluationId: string): Promise<number> {
  const [row] = await deps.db.select({ revision: evaluations.revision }).from(evaluations).where(eq(evaluations.id, evaluationId));
  if (!row) throw new Error(`demo evaluation ${evaluationId} vanished`);
  return row.revision;
}

async function stepIds(deps: Deps, evaluationId: string): Promise<Set<string>> {
  const rows = await deps.db
    .select({ id: evaluationTransitions.id })
    .from(evaluationTransitions)
    .where(eq(evaluationTransitions.evaluationId, evaluationId))
    .orderBy(evaluationTransitions.at);
  return new Set(rows.map((row) => row.id));
}

/** The steps just taken, in the order they were written, get the reference year's dates, one step per date. */
async function dateSteps(deps: Deps, evaluationId: string, earlier: Set<string>): Promise<void> {
  const history = [...(await stepIds(deps, evaluationId))].filter((id) => !earlier.has(id)).map((id) => ({ id }));
  const at = (on: string) => new Date(`${on}T02:00:00Z`);
  await deps.db.transaction(async (tx) => {
    for (const [index, entry] of history.entries()) {
      const step = STEPS[index];
      if (step)
        await tx
          .update(evaluationTransitions)
          .set({ at: at(step.on) })
          .where(eq(evaluationTransitions.id, entry.id));
    }
    await tx
      .update(publishedReports)
      .set({ publishedAt: at(STEPS[STEPS.length - 1]?.on ?? '2025-07-25') })
      .where(eq(publishedReports.evaluationId, evaluationId));
  });
}
