import type { MonitoringRuleSet as RuleSetBody, SaveMonitoringRuleSet } from '@jixiao/contract';
import { monitoring } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { AppError, sqlState, validationFailed, versionConflict } from '../../errors.ts';
import * as repo from './rules.repository.ts';

const WHAT = '监控预警规则表';

/**
 * The rule set the monitoring forms apply for a region and year: the latest saved version, else the
 * built-in default of the `ratio` preset (version 0). A stored row that no longer parses (a rule the
 * core has since tightened) is refused loudly rather than silently replaced by the default.
 */
export async function activeRuleSet(db: Queryable, region: string, year: number): Promise<monitoring.MonitoringRuleSet> {
  const row = await repo.findLatest(db, region, year);
  return row ? fromRow(row) : monitoring.defaultRuleSet('ratio', region, year);
}

/** The API's (mutable) shape of a rule set. */
function toBody(rules: monitoring.MonitoringRuleSet): RuleSetBody {
  return { ...rules, milestones: rules.milestones.map((milestone) => ({ ...milestone })) };
}

function fromRow(row: repo.RuleSetRow): monitoring.MonitoringRuleSet {
  const parsed = monitoring.parseRuleSet({ ...row.rules, region: row.region, year: row.fiscalYear, version: row.version });
  if (!parsed.ok) throw new Error(`stored monitoring rule set ${row.id} no longer parses: ${parsed.errors.join('; ')}`);
  return parsed.value;
}

/** Only an administrator of a finance bureau sets the thresholds every unit's lights are computed with. */
async function canEdit(db: Queryable, ctx: RequestContext): Promise<boolean> {
  const adminOver = ctx.principal.roles.filter((grant) => grant.role === 'admin').map((grant) => grant.organisationId);
  return (await repo.financeBureausAmong(db, adminOver)).length > 0;
}

export async function listRuleSets(deps: Deps, ctx: RequestContext, query: { year: number; region: string }) {
  const versions = await repo.findVersions(deps.db, query.region, query.year);
  const saved = versions.map(({ row, savedBy }) => ({ rules: toBody(fromRow(row)), savedAt: row.createdAt.toISOString(), savedBy }));
  return {
    active: saved[0]?.rules ?? toBody(monitoring.defaultRuleSet('ratio', query.region, query.year)),
    versions: saved,
    defaults: {
      ratio: toBody(monitoring.defaultRuleSet('ratio', query.region, query.year)),
      milestones: toBody(monitoring.defaultRuleSet('milestones', query.region, query.year)),
    },
    permissions: { edit: await canEdit(deps.db, ctx) },
  };
}

/** Saves the rules as the next version of their region and year; earlier versions stay as they were. */
export async function saveRuleSet(deps: Deps, ctx: RequestContext, body: z.infer<typeof SaveMonitoringRuleSet>): Promise<RuleSetBody> {
  return deps.db.transaction(async (tx) => {
    if (!(await canEdit(tx, ctx))) throw new AppError('FORBIDDEN', '只有财政局的系统管理员可以修改监控预警规则表');
    const { expectedVersion, region, year, ...rules } = body;
    const latest = await repo.findLatest(tx, region, year);
    if ((latest?.version ?? 0) !== expectedVersion) throw versionConflict(WHAT);
    const version = expectedVersion + 1;
    const parsed = monitoring.parseRuleSet({ ...rules, region, year, version });
    if (!parsed.ok) throw validationFailed(parsed.issues.map((issue) => ({ path: `body.${issue.path}`, message: issue.message })));
    const { region: _region, year: _year, version: _version, ...stored } = parsed.value;
    const row = await repo
      .insertVersion(tx, { region, fiscalYear: year, version, rules: stored, createdBy: ctx.principal.userId, createdAt: deps.clock() })
      .catch((error: unknown) => {
        // Two saves from the same version: the unique index lets one through, the other is stale.
        if (sqlState(error) === '23505') throw versionConflict(WHAT);
        throw error;
      });
    await recordAudit(tx, ctx, {
      entityType: 'monitoring-rule-set',
      entityId: row.id,
      action: 'create',
      ...(latest ? { before: latest } : {}),
      after: row,
    });
    return toBody(parsed.value);
  });
}
