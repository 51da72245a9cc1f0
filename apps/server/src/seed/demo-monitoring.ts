import type { MonitoringFormDetail, SaveMonitoringForm } from '@jixiao/contract';
import { allocateEvenly } from '@jixiao/core';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { budgetLines, paymentPlans, paymentRequests, targetDeclarations } from '../db/schema.ts';
import { decideForm } from '../monitoring/commands/decide-form.ts';
import { issueTask } from '../monitoring/commands/issue-task.ts';
import { submitForm } from '../monitoring/commands/submit-form.ts';
import { getFormDetail, getTaskDetail, saveForm } from '../monitoring/monitoring.service.ts';
import { chinaToday } from '../time.ts';
import { type DemoPeople, demoContext, fiscalYearOf } from './demo-declarations.ts';

const DAY = 86_400_000;

/**
 * The cut-off of the demo round: the end of the last full month before the seeding day (on 2026-12-03,
 * 30 November), so every payment of the months covered is in the ledger. Undefined in January, when no
 * month of the year has ended and there is nothing to monitor yet.
 */
export function demoCutoff(today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month === 1) return undefined;
  const days = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  return `${year}-${String(month - 1).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}

type Indicator = MonitoringFormDetail['indicators'][number];

/** What share of the due amount each demo line reaches: one red, two yellow, the rest on course. */
const RED = 45n;
const YELLOW = 70n;
const ON_COURSE = 95n;

const isAccruing = (row: Indicator) =>
  row.nature === 'quantitative' && (row.direction === '>=' || row.direction === '>') && row.target !== null && /^\d+$/.test(row.target);

/**
 * The share due at the cut-off, in percent ("91.67"), as the line's light states it among its figures
 * even before an actual is typed (应完成比例: "91.67%（按月份 ÷ 12）", "100%（不折算）" for a rate).
 */
const expectedOf = (row: Indicator): string =>
  row.light.expected ??
  /^\d+(\.\d+)?/.exec(row.light.inputs.find((input) => input.labelEn === 'expected share')?.value ?? '')?.[0] ??
  '100';

/**
 * 1–X 月实际完成值 for a line: its due amount at the cut-off (the expected share its light
 * reported, in percent with two decimals) times the share reached, rounded down to a whole number.
 */
function actualAt(row: Indicator, reached: bigint): string {
  const target = BigInt(row.target ?? '0');
  const [whole = '100', fraction = ''] = expectedOf(row).split('.');
  const expectedBasisPoints = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  const scaled = target * expectedBasisPoints * reached;
  const down = scaled / 1_000_000n;
  // A small target rounded down would fall a whole unit short of what is due: on course, round the due amount up.
  if (reached === ON_COURSE && target < 10n) return String((target * expectedBasisPoints + 9_999n) / 10_000n);
  return String(down);
}

/**
 * The demo's 绩效运行监控 round (docs/monitoring.md 演示数据): the finance bureau issues a 一般 task for the
 * clock's year to the demo department, cut off at the end of the last full month, due in ten days. Each
 * form of an approved project declaration is filled by its unit's 填报人 with figures from practice —
 * most lines on course, two yellow, one red with its 偏差原因 and 纠偏措施 — and 全年预计执行数 the whole
 * budget, so a slow spender shows the 年末突击支付 forecast; it is submitted and approved by the department,
 * waiting for the finance bureau. Only the module's commands, a handful of calls: every test file seeds this.
 */
export async function seedDemoMonitoring(deps: Deps, people: DemoPeople): Promise<void> {
  const year = fiscalYearOf(deps.clock());
  const today = chinaToday(deps.clock());
  const cutoffDate = demoCutoff(today);
  if (!cutoffDate) return;
  const deadline = chinaToday(new Date(deps.clock().getTime() + 10 * DAY));
  await seedYearLedger(deps.db, people, year, today, cutoffDate);
  const finance = demoContext(people, 'finance');
  const { task } = await issueTask(deps, finance, {
    fiscalYear: year,
    cutoffDate,
    kind: 'general',
    deadline,
    targets: 'chosen',
    organisationIds: [people.departmentId],
  });
  const detail = await getTaskDetail(deps, finance, task.id);
  const preparerOf = (organisationId: string) =>
    [...people.users.entries()].find(([, user]) => user.role === 'preparer' && user.organisationId === organisationId)?.[0];
  let redGiven = false;
  for (const summary of detail.forms) {
    const username = preparerOf(summary.organisationId);
    if (!username) continue;
    const unit = demoContext(people, username);
    const first = await getFormDetail(deps, unit, summary.id);
    // Lines that accrue over the year (not rates, not reverse): red and yellow go to those large enough to say so.
    const prorated = first.indicators.filter((row) => isAccruing(row) && row.unit !== '%' && Number(expectedOf(row)) < 100);
    const large = prorated.filter((row) => BigInt(row.target ?? '0') >= 10n);
    const reached = new Map<string, bigint>(prorated.map((row) => [row.indicatorId, ON_COURSE]));
    large.slice(0, 3).forEach((row, index) => {
      reached.set(row.indicatorId, index === 0 && !redGiven ? RED : YELLOW);
    });
    if (large.length > 0) redGiven = true;
    const filled = await saveForm(deps, unit, summary.id, bodyOf(first, reached));
    if (filled.problems.length > 0) continue;
    const submitted = await submitForm(deps, unit, summary.id, filled.version);
    await decideForm(deps, demoContext(people, 'reviewer'), summary.id, {
      version: submitted.version,
      action: 'approve',
      opinion: '已核对台账支出和指标完成情况，红灯指标的纠偏措施可行，同意报送财政',
    });
  }
}

/** A figure just inside a strict upper target (“< −45.81” → “−46.81”): the reverse line on course. */
const strictlyBelow = (target: string) => {
  const [whole = '0', fraction] = target.split('.');
  const lowered = BigInt(whole) - 1n;
  return fraction === undefined ? String(lowered) : `${lowered}.${fraction}`;
};

/** The whole form: the forecast per source, and per line its actual, forecast, likelihood and, off course, reasons and measures. */
function bodyOf(form: MonitoringFormDetail, reached: ReadonlyMap<string, bigint>): SaveMonitoringForm {
  return {
    version: form.version,
    money: form.money.map((row) => ({ source: row.source, forecast: row.adjusted })),
    indicators: form.indicators.map((row) => {
      const share = reached.get(row.indicatorId);
      const base = {
        indicatorId: row.indicatorId,
        forecastYearEnd: row.nature === 'quantitative' ? row.target : null,
        likelihood: 'certain' as const,
      };
      if (row.nature === 'qualitative') return { ...base, actualText: '达成：按计划推进，阶段性工作已完成' };
      if (share === undefined && row.direction === '<') return { ...base, actualToDate: strictlyBelow(row.target ?? '0') };
      if (share === undefined || share === ON_COURSE)
        return { ...base, actualToDate: share === undefined ? (row.target ?? '0') : actualAt(row, share) };
      const actualToDate = actualAt(row, share);
      if (share === RED)
        return {
          ...base,
          actualToDate,
          likelihood: 'possible' as const,
          reasons: ['facilities' as const, 'other' as const],
          reasonText: '培训场地和设备政府采购延期至三季度末，上半年两期培训班未能开班',
          measures: '采购已于10月完成验收，12月集中开班三期并增加线上课程；每周向主管部门报送进度',
        };
      return {
        ...base,
        actualToDate,
        reasons: ['staffing' as const],
        reasonText: '项目专职人员年中调整，服务对接有所延后',
        measures: '已补充两名专职人员，按月排定服务计划，四季度追赶进度',
      };
    }),
  };
}

/**
 * 用款计划 of the key project in basis points of its budget by month: training and the service vouchers
 * fall in the second half, and 30 % is planned for December — the plan itself leans on the year end.
 */
const PROJECT_PLAN = [0, 0, 500, 500, 500, 1000, 500, 500, 1000, 1000, 1500, 3000] as const;
/** The project pays three quarters of each month's plan: behind the plan, so yellow, and heading for a December rush. */
const PROJECT_PACE = { num: 3, den: 4 } as const;
const BASIC_BUDGET_FEN = 33_000_000_00;

/**
 * The year's ledger of the demo department (示例数据, like the FY2024 ledger in control-demo.ts, written the
 * same way): the key project's line at its declared 财政拨款 with its back-loaded 用款计划 and payments at
 * three quarters of the plan, and the department's 基本支出 (33,000,000 yuan) planned evenly and paid on
 * schedule. Payments fall on the 25th of each month up to the cut-off, so the form's 截至支出数 is there to check.
 */
async function seedYearLedger(db: Queryable, people: DemoPeople, year: number, today: string, cutoff: string): Promise<void> {
  const [declaration] = await db
    .select({ projectId: targetDeclarations.projectId, fundsFiscalFen: targetDeclarations.fundsFiscalFen })
    .from(targetDeclarations)
    .where(
      and(
        eq(targetDeclarations.kind, 'project'),
        eq(targetDeclarations.fiscalYear, year),
        eq(targetDeclarations.organisationId, people.smeCentreId),
        eq(targetDeclarations.status, 'approved'),
      ),
    );
  const person = (username: string) => people.users.get(username)?.id ?? '';
  const lines = [
    {
      organisationId: people.departmentId,
      projectId: null,
      code: `KGSX-JB-${year}`,
      name: '部门基本支出（人员经费和公用经费）',
      spendingType: 'basic' as const,
      budgetFen: BASIC_BUDGET_FEN,
      plan: allocateEvenly(BASIC_BUDGET_FEN, 12),
      paid: (planned: number) => planned,
    },
    ...(declaration?.projectId && declaration.fundsFiscalFen > 0
      ? [
          {
            organisationId: people.smeCentreId,
            projectId: declaration.projectId,
            code: `KGSX-XM-SZZX-${year}`,
            name: '中小企业数字化转型培训及服务券项目（示例）',
            spendingType: 'project' as const,
            budgetFen: declaration.fundsFiscalFen,
            plan: PROJECT_PLAN.map((points) => Math.floor((declaration.fundsFiscalFen * points) / 10_000)),
            paid: (planned: number) => Math.floor((planned * PROJECT_PACE.num) / PROJECT_PACE.den),
          },
        ]
      : []),
  ];
  const lastMonth = Math.min(Number(cutoff.slice(5, 7)), Number(today.slice(5, 7)) - 1);
  for (const spec of lines) {
    const [line] = await db
      .insert(budgetLines)
      .values({
        organisationId: spec.organisationId,
        fiscalYear: year,
        projectId: spec.projectId,
        code: spec.code,
        name: spec.name,
        spendingType: spec.spendingType,
        fundingSource: '一般公共预算',
        initialFen: spec.budgetFen,
      })
      .returning({ id: budgetLines.id });
    if (!line) throw new Error('budget line insert returned nothing');
    // The plan's rounding remainder goes to December, so the months add up to the budget exactly.
    const plan = [...spec.plan];
    plan[11] = (plan[11] ?? 0) + spec.budgetFen - plan.reduce((sum, amount) => sum + amount, 0);
    await db.insert(paymentPlans).values(plan.map((amountFen, index) => ({ budgetLineId: line.id, month: index + 1, amountFen })));
    const payments = plan.slice(0, Math.max(0, lastMonth)).flatMap((planned, index) => {
      const amountFen = spec.paid(planned);
      if (amountFen <= 0) return [];
      const paidOn = `${year}-${String(index + 1).padStart(2, '0')}-25`;
      return [
        {
          organisationId: spec.organisationId,
          budgetLineId: line.id,
          payeeName: spec.spendingType === 'basic' ? '工资统发及日常公用支出（示例）' : '广州某职业培训学校（示例）',
          amountFen,
          purpose: `${spec.name}：${index + 1}月支付`,
          expenseType: spec.spendingType,
          dueOn: paidOn,
          status: 'archived' as const,
          requestedBy: person('requester'),
          requestedAt: new Date(`${paidOn}T09:00:00+08:00`),
          reviewedBy: person('accountant'),
          reviewedAt: new Date(`${paidOn}T10:00:00+08:00`),
          approvedBy: person('approver'),
          approvedAt: new Date(`${paidOn}T11:00:00+08:00`),
          paidBy: person('cashier'),
          paidOn,
          archivedBy: person('accountant'),
          archivedAt: new Date(`${paidOn}T17:00:00+08:00`),
        },
      ];
    });
    if (payments.length > 0) await db.insert(paymentRequests).values(payments);
  }
}
