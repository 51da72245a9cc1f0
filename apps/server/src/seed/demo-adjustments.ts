import { and, eq } from 'drizzle-orm';
import { getAdjustmentDetail, saveAdjustment } from '../adjustment/adjustment.service.ts';
import { createAdjustment } from '../adjustment/commands/create-adjustment.ts';
import { decideAdjustment } from '../adjustment/commands/decide-adjustment.ts';
import { submitAdjustment } from '../adjustment/commands/submit-adjustment.ts';
import type { Deps } from '../context.ts';
import { targetDeclarations } from '../db/schema.ts';
import { type DemoPeople, demoContext, fiscalYearOf } from './demo-declarations.ts';

const DAY = 86_400_000;

/**
 * The demo's 绩效目标调整: on the key project's approved declaration of the clock's year, the first
 * quantity target (产出 — 数量, ≥) lowered by a sixth because the procurement was delayed, reviewed by the
 * department and approved by the finance bureau a month ago — version 2 of the targets. Six service
 * calls: every test file seeds this demo.
 */
export async function seedDemoAdjustments(deps: Deps, people: DemoPeople): Promise<void> {
  const year = fiscalYearOf(deps.clock());
  const now = deps.clock().getTime();
  // Dated back within the year only (early in January the steps fall on today): adjustments are of the current year.
  const intoYear = Math.floor((now + 8 * 3_600_000 - Date.UTC(year, 0, 1)) / DAY);
  const at = (days: number) => ({ ...deps, clock: () => new Date(now - Math.min(-days, intoYear) * DAY) });
  const [declaration] = await deps.db
    .select({ id: targetDeclarations.id })
    .from(targetDeclarations)
    .where(
      and(
        eq(targetDeclarations.kind, 'project'),
        eq(targetDeclarations.fiscalYear, year),
        eq(targetDeclarations.organisationId, people.smeCentreId),
        eq(targetDeclarations.status, 'approved'),
      ),
    );
  if (!declaration) return;
  const unit = demoContext(people, 'unit.preparer');
  const created = await createAdjustment(at(-40), unit, declaration.id);
  const empty = await getAdjustmentDetail(deps, unit, created.id);
  const line = empty.indicators.find(
    (entry) => entry.level2 === 'quantity' && entry.direction === '>=' && entry.target !== null && /^\d+$/.test(entry.target),
  );
  if (!line?.target) return;
  const lowered = String((BigInt(line.target) * 5n) / 6n);
  const saved = await saveAdjustment(at(-40), unit, created.id, {
    version: empty.version,
    changes: [
      {
        kind: 'target',
        indicatorId: line.id,
        target: lowered,
        targetText: `≥${lowered}${line.unit ?? ''}`,
        reason: '上半年培训场地和设备政府采购延期，两期培训班推迟至下年度举办，按实际可完成量调减',
        evidence: [{ description: '政府采购项目延期情况说明（区采购中心，6月）' }],
      },
    ],
  });
  const reasons = Object.fromEntries(
    saved.findings
      .filter((entry) => entry.severity === 'warning')
      .map((entry) => [entry.key, entry.reason ?? '因采购延期调减，已说明理由']),
  );
  const submitted = await submitAdjustment(at(-39), unit, created.id, { version: saved.version, reasons });
  const reviewed = await decideAdjustment(at(-35), demoContext(people, 'reviewer'), created.id, {
    version: submitted.version,
    action: 'approve',
    opinion: '采购延期属实，同意调整',
  });
  await decideAdjustment(at(-30), demoContext(people, 'finance'), created.id, {
    version: reviewed.version,
    action: 'approve',
    opinion: '同意按调整后的指标值开展年末自评',
  });
}
