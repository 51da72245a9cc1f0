import { control, formatPoints, parsePoints, policy } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { validationFailed, versionConflict } from '../../errors.ts';
import { descendantIds } from '../../organisations/organisation.repository.ts';
import { controlConfig, requirePost } from '../control-access.ts';
import { methodFacts } from '../procurement/procurement.rules.ts';
import * as repo from './self-assessment.repository.ts';

/** What the system knows about a unit's internal control in a year (the pre-fill's evidence). */
export async function gatherFacts(db: Queryable, organisationId: string, fiscalYear: number): Promise<control.ControlFacts> {
  const units = await descendantIds(db, [organisationId]);
  const config = await controlConfig(db);
  const { lineIds, payments, decisions, adjustments, refusals, purchases, contractRows, assetCount, stocktakeCount } =
    await repo.findControlEvidence(db, units, fiscalYear);
  const compliant = purchases.filter((purchase) => control.checkProcurementMethod(methodFacts(purchase), config).length === 0).length;
  return {
    modules: {
      budget: lineIds.length > 0,
      payments: payments > 0,
      procurement: purchases.length > 0,
      assets: assetCount > 0,
      contracts: contractRows.length > 0,
      construction: false,
    },
    segregationEnforced: true,
    refusals,
    collectiveDecisions: decisions,
    adjustmentsApproved: adjustments,
    stocktakesThisYear: stocktakeCount,
    procurements: { total: purchases.length, compliant },
    contracts: { total: contractRows.length, withAcceptance: contractRows.filter((row) => Number(row.accepted) > 0).length },
  };
}

/** The assessment as the unit sees it: every item with the system's pre-fill and basis, the unit's score, and the totals. */
export async function getAssessment(deps: Deps, ctx: RequestContext, organisationId: string, fiscalYear: number) {
  await requirePost(deps.db, ctx, organisationId, 'any');
  const [facts, stored] = await Promise.all([
    gatherFacts(deps.db, organisationId, fiscalYear),
    repo.getSelfAssessment(deps.db, organisationId, fiscalYear),
  ]);
  const result = control.assess(facts, stored?.entries ?? []);
  const points = (value: number | undefined) => (value === undefined ? null : formatPoints(value));
  return {
    organisationId,
    fiscalYear,
    version: stored?.version ?? 0,
    facts,
    items: result.lines.map((line) => ({
      code: line.definition.code,
      level: line.definition.level,
      category: line.definition.category,
      name: line.definition.name,
      points: formatPoints(line.definition.points),
      prefill:
        line.prefill.kind === 'score'
          ? { kind: 'score' as const, score: formatPoints(line.prefill.score), basis: line.prefill.basis }
          : line.prefill,
      score: points(line.score),
      notApplicable: line.notApplicable,
      note: line.note ?? null,
    })),
    unit: { score: formatPoints(result.unit.score), points: formatPoints(result.unit.points) },
    business: { score: formatPoints(result.business.score), points: formatPoints(result.business.points) },
    notApplicablePoints: formatPoints(result.notApplicablePoints),
    total: formatPoints(result.total),
    unscored: result.unscored,
    explanation: result.explanation,
  };
}

export interface EntryInput {
  readonly code: string;
  readonly score?: string | null | undefined;
  readonly notApplicable?: boolean | undefined;
  readonly note?: string | undefined;
}

/** Saves the unit's own scores over the pre-fill (department head, finance staff or administrator). */
export async function saveAssessment(
  deps: Deps,
  ctx: RequestContext,
  body: { organisationId: string; fiscalYear: number; version: number; entries: readonly EntryInput[] },
) {
  const known = new Map(control.ASSESSMENT_ITEMS.map((item) => [item.code, item]));
  const problems: { path: string; message: string }[] = [];
  const entries = body.entries.map((entry, index) => {
    const item = known.get(entry.code);
    if (!item) problems.push({ path: `body.entries[${index}].code`, message: `没有编号为“${entry.code}”的评价项目` });
    const score = entry.score === null || entry.score === undefined ? undefined : parsePoints(entry.score);
    if (item && score !== undefined && score > item.points)
      problems.push({ path: `body.entries[${index}].score`, message: `“${item.name}”最高 ${formatPoints(item.points)} 分` });
    return { code: entry.code, score, notApplicable: entry.notApplicable, note: entry.note };
  });
  if (problems.length) throw validationFailed(problems);
  await deps.db.transaction(async (tx) => {
    await requirePost(tx, ctx, body.organisationId, policy.selfAssessmentPolicy.posts.edit);
    const stored = await repo.getSelfAssessment(tx, body.organisationId, body.fiscalYear);
    if ((stored?.version ?? 0) !== body.version) throw versionConflict('内部控制评价');
    const clean = entries.map((entry) =>
      Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)),
    ) as typeof entries;
    if (stored) {
      if (!(await repo.updateSelfAssessment(tx, stored.id, body.version, clean as never))) throw versionConflict('内部控制评价');
    } else {
      await repo.insertSelfAssessment(tx, { organisationId: body.organisationId, fiscalYear: body.fiscalYear, entries: clean as never });
    }
    await recordAudit(tx, ctx, {
      entityType: 'self-assessment',
      entityId: `${body.organisationId}:${body.fiscalYear}`,
      action: 'save',
      organisationId: body.organisationId,
      before: stored?.entries,
      after: clean,
    });
  });
}
