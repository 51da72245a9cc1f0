import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { monitoringForms, monitoringTasks } from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';
import type { LightCounts, MonitoringRound } from '../ports/monitoring-reader.ts';

const emptyCounts = (): LightCounts => ({ red: 0, yellow: 0, blue: 0, green: 0, none: 0 });

/**
 * The overview's monitoring figures: the latest round with forms in scope, counted by the light each
 * save stored on the form (`monitoring_forms.light`, the worst of its lights) in one grouped query.
 */
export async function latestRound(db: Queryable, scope: Scope): Promise<MonitoringRound | null> {
  const scoped = inScope(monitoringForms.organisationId, scope);
  const [task] = await db
    .select({
      id: monitoringTasks.id,
      title: monitoringTasks.title,
      fiscalYear: monitoringTasks.fiscalYear,
      cutoffDate: monitoringTasks.cutoffDate,
    })
    .from(monitoringTasks)
    .where(
      sql`exists (select 1 from ${monitoringForms} where ${monitoringForms.taskId} = ${monitoringTasks.id}${scoped ? sql` and ${scoped}` : sql``})`,
    )
    .orderBy(desc(monitoringTasks.cutoffDate), desc(monitoringTasks.issuedAt))
    .limit(1);
  if (!task) return null;
  const rows = await db
    .select({ organisationId: monitoringForms.organisationId, light: monitoringForms.light, forms: count() })
    .from(monitoringForms)
    .where(scoped ? and(eq(monitoringForms.taskId, task.id), scoped) : eq(monitoringForms.taskId, task.id))
    .groupBy(monitoringForms.organisationId, monitoringForms.light);
  const byOrganisation = new Map<string, LightCounts>();
  for (const row of rows) {
    const counts = byOrganisation.get(row.organisationId) ?? emptyCounts();
    counts[row.light] += Number(row.forms);
    byOrganisation.set(row.organisationId, counts);
  }
  return { taskId: task.id, title: task.title, fiscalYear: task.fiscalYear, cutoffDate: task.cutoffDate, byOrganisation };
}
