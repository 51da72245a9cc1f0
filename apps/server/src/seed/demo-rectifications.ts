import { and, eq } from 'drizzle-orm';
import type { Deps } from '../context.ts';
import { evaluations } from '../db/schema.ts';
import { issueRectification } from '../rectification/commands/issue-rectification.ts';
import { submitFeedback } from '../rectification/commands/submit-feedback.ts';
import { verifyRectification } from '../rectification/commands/verify-rectification.ts';
import { type DemoPeople, demoContext } from './demo-declarations.ts';

const DAY = 86_400_000;
const dateOf = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The demo's 整改 on the FY2024 sources, from the problems the reference report names (indicators
 * without 质量 / 时效 / 满意度 measures; weak follow-up; year-end payments): one closed, one awaiting
 * the unit's feedback and overdue, one awaiting the bureau's verification. Each step goes through its
 * command, dated in the past by a shifted clock, so the history and the audit log read as real use.
 * Seven service calls: every test file seeds this demo.
 */
export async function seedDemoRectifications(deps: Deps, people: DemoPeople): Promise<void> {
  const now = deps.clock().getTime();
  const at = (days: number) => ({ ...deps, clock: () => new Date(now + days * DAY) });
  const finance = demoContext(people, 'finance');
  const preparer = demoContext(people, 'preparer');
  const rows = await deps.db
    .select({ id: evaluations.id, organisationId: evaluations.organisationId, kind: evaluations.kind })
    .from(evaluations)
    .where(and(eq(evaluations.fiscalYear, 2024)));
  const departmentEvaluation = rows.find((row) => row.kind === 'department' && row.organisationId === people.departmentId);
  const projectEvaluation = rows.find((row) => row.kind === 'project' && row.organisationId === people.smeCentreId);
  if (!departmentEvaluation || !projectEvaluation) throw new Error('demo FY2024 evaluations missing');

  // Closed: the department added the missing 质量 / 时效 / 满意度 indicators; the bureau verified them.
  const closed = await issueRectification(at(-120), finance, {
    organisationId: people.departmentId,
    sourceKind: 'self-evaluation',
    sourceId: departmentEvaluation.id,
    problem: '部分项目绩效目标设置不完整，产出指标缺少质量、时效指标，效益指标缺少服务对象满意度指标，难以全面反映项目实施效果。',
    measures: [
      '对照《项目支出绩效评价管理办法》（财预〔2020〕10号）补齐质量、时效和满意度指标',
      '在下年度绩效目标申报中逐项设置可衡量的指标值',
    ],
    ownerName: '吴晓东',
    deadline: dateOf(new Date(now - 60 * DAY)),
  });
  await submitFeedback(at(-80), preparer, closed.id, {
    version: 1,
    text: '已组织各项目单位逐项补充质量、时效和满意度指标，并在下年度绩效目标申报表中落实。',
    evidence: [{ description: '补充后的项目绩效目标表（示例）' }, { description: '部门绩效管理工作会议纪要（示例）' }],
  });
  await verifyRectification(at(-70), finance, closed.id, {
    version: 2,
    decision: 'close',
    opinion: '经核验，补充的指标完整、指标值可衡量，同意销号。',
  });

  // Awaiting the unit's feedback, overdue: weak follow-up of the service vouchers.
  await issueRectification(at(-60), finance, {
    organisationId: people.smeCentreId,
    sourceKind: 'self-evaluation',
    sourceId: projectEvaluation.id,
    problem: '项目实施过程中对服务券使用情况的跟踪监控不足，未定期收集企业使用反馈，绩效运行监控流于形式。',
    measures: ['建立服务券使用情况季度跟踪台账', '按季度开展绩效运行监控并形成监控报告'],
    deadline: dateOf(new Date(now - 15 * DAY)),
  });

  // Awaiting the bureau's verification: year-end payments found by the monitoring.
  const pending = await issueRectification(at(-45), finance, {
    organisationId: people.departmentId,
    fiscalYear: 2024,
    sourceKind: 'monitoring',
    sourceId: null,
    sourceTitle: '2024 年度第四季度绩效运行监控（示例）',
    problem: '资金支付集中在年末，第四季度支出占全年支出比重过高，预算执行进度不均衡。',
    measures: ['制定分月用款计划并按月跟踪执行', '对年末集中支付的原因逐项说明'],
    ownerName: '吴晓东',
    deadline: dateOf(new Date(now + 30 * DAY)),
  });
  await submitFeedback(at(-5), preparer, pending.id, {
    version: 1,
    text: '已制定分月用款计划，并对第四季度集中支付的原因逐项作出说明。',
    evidence: [{ description: '分月用款计划（示例）' }, { description: '年末集中支付情况说明（示例）' }],
  });
}
