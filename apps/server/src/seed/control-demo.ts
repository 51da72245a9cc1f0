import { allocateEvenly } from '@jixiao/core';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import {
  budgetAdjustments,
  budgetLines,
  contractMilestones,
  contracts,
  evaluations,
  indicators,
  managementEntries,
  paymentPlans,
  paymentRequests,
  subsidyGrants,
  subsidyRecipients,
} from '../db/schema.ts';
import { seedContractsDemo } from './control-demo-contracts.ts';

/** What the control demo builds on: the demo department, its units and users by username. */
export interface ControlDemoIds {
  readonly fiscalYear: number;
  readonly departmentId: string;
  readonly unitIds: readonly string[];
  readonly users: ReadonlyMap<string, string>;
  /** Budget lines by code, filled in as they are created. */
  readonly budgetLines: Map<string, string>;
}

interface LineSpec {
  readonly code: string;
  readonly name: string;
  readonly spendingType: 'basic' | 'project';
  readonly fundingSource: string;
  readonly initialYuan: number;
  readonly carryOverYuan?: number;
  /** What the demo pays on the line in FY2024. */
  readonly paidYuan: number;
  /** Share of the year's payments made in December (年末突击支付 on project lines). */
  readonly decemberShare: number;
  readonly payees: readonly string[];
}

/**
 * The department's FY2024 ledger (示例数据: the reference report publishes none), shaped so that what it
 * computes is what the report published. Budget 288,000,000 + carry-over 20,000,000 + adjustment
 * 12,000,000 = 320,000,000 yuan, paid 305,504,000: the department-wide 成本控制率 (paid − budget) ÷ budget
 * is the report's −4.53% (and 预算执行率 its complement, 95.47%). On 产业发展扶持资金 (140,000,000) the
 * demo pays 133,658,000, also −4.53%, of which 6,050,000 after its due date: 及时足额率, computed from due
 * dates, is the report's 95.47%. The three purchases are awarded at their 采购预算 (政府采购执行率 100%).
 */
const LINES: readonly LineSpec[] = [
  {
    code: 'KGSX-JB-RY',
    name: '人员经费',
    spendingType: 'basic',
    fundingSource: '一般公共预算',
    initialYuan: 60_000_000,
    paidYuan: 60_000_000,
    decemberShare: 1 / 12,
    payees: ['工资统发（示例）'],
  },
  {
    code: 'KGSX-JB-GY',
    name: '公用经费',
    spendingType: 'basic',
    fundingSource: '一般公共预算',
    initialYuan: 8_000_000,
    paidYuan: 7_600_000,
    decemberShare: 0.12,
    payees: ['广州某物业管理有限公司（示例）', '广州某印务有限公司（示例）'],
  },
  {
    code: 'KGSX-XM-CYFC',
    name: '产业发展扶持资金',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initialYuan: 120_000_000,
    carryOverYuan: 20_000_000,
    paidYuan: 133_658_000,
    decemberShare: 0.45,
    payees: ['广州某汽车零部件有限公司（示例）', '广州某新能源科技有限公司（示例）', '番禺某电子有限公司（示例）'],
  },
  {
    code: 'KGSX-XM-RCYJ',
    name: '人才引进、产业发展扶持预留支出',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initialYuan: 40_000_000,
    paidYuan: 50_000_000,
    decemberShare: 0.4,
    payees: ['番禺某科技有限公司（示例）', '广州某智能装备有限公司（示例）'],
  },
  {
    code: 'KGSX-XM-QYCX',
    name: '企业创新能力建设',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initialYuan: 30_000_000,
    paidYuan: 28_500_000,
    decemberShare: 0.35,
    payees: ['广州某研究院有限公司（示例）', '番禺某生物科技有限公司（示例）'],
  },
  {
    code: 'KGSX-XM-CDSS',
    name: '充电基础设施建设补助',
    spendingType: 'project',
    fundingSource: '上级转移支付',
    initialYuan: 12_000_000,
    paidYuan: 11_042_000,
    decemberShare: 0.3,
    payees: ['广州某充电科技有限公司（示例）'],
  },
  {
    code: 'KGSX-XM-XFCJ',
    name: '促消费活动经费',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initialYuan: 18_000_000,
    paidYuan: 14_704_000,
    decemberShare: 0.25,
    payees: ['广州某会展服务有限公司（示例）'],
  },
];

/** 12,000,000 yuan approved onto 人才引进 (预算调整, through the adjustment workflow). */
const ADJUSTMENT = { code: 'KGSX-XM-RCYJ', yuan: 12_000_000, reason: '年中追加人才引进配套资金（区政府常务会议决定，示例）' };
/**
 * On 产业发展扶持资金, this much is paid after its due date: (133,658,000 − 6,050,000) ÷ 133,658,000 =
 * 95.4735…%, the report's 及时足额率 95.47% (every payment on the line falls due in 2024).
 */
const LATE_ON_CYFC_YUAN = 6_050_000;

const fen = (yuan: number) => Math.round(yuan * 100);

/** The internal-control demo of the Panyu department: budget lines, plans, payments, contracts, assets. */
export async function seedControlDemo(tx: Queryable, ids: ControlDemoIds): Promise<void> {
  const person = (username: string) => {
    const id = ids.users.get(username);
    if (!id) throw new Error(`demo user ${username} missing`);
    return id;
  };
  for (const spec of LINES) {
    const [line] = await tx
      .insert(budgetLines)
      .values({
        organisationId: ids.departmentId,
        fiscalYear: ids.fiscalYear,
        code: spec.code,
        name: spec.name,
        spendingType: spec.spendingType,
        fundingSource: spec.fundingSource,
        initialFen: fen(spec.initialYuan),
        carryOverFen: fen(spec.carryOverYuan ?? 0),
      })
      .returning();
    if (!line) throw new Error('budget line insert returned nothing');
    ids.budgetLines.set(spec.code, line.id);
  }
  const adjustedLine = ids.budgetLines.get(ADJUSTMENT.code) ?? '';
  await tx.insert(budgetAdjustments).values({
    budgetLineId: adjustedLine,
    amountFen: fen(ADJUSTMENT.yuan),
    reason: ADJUSTMENT.reason,
    status: 'approved',
    requestedBy: person('accountant'),
    requestedAt: new Date('2024-07-10T10:00:00+08:00'),
    decidedBy: person('approver'),
    decidedAt: new Date('2024-07-12T15:00:00+08:00'),
    comment: '同意',
  });
  await tx
    .update(budgetLines)
    .set({ adjustmentsFen: fen(ADJUSTMENT.yuan) })
    .where(eq(budgetLines.id, adjustedLine));

  for (const spec of LINES) {
    const budget = fen(spec.initialYuan + (spec.carryOverYuan ?? 0) + (spec.code === ADJUSTMENT.code ? ADJUSTMENT.yuan : 0));
    const lineId = ids.budgetLines.get(spec.code) ?? '';
    await tx
      .insert(paymentPlans)
      .values(allocateEvenly(budget, 12).map((amountFen, index) => ({ budgetLineId: lineId, month: index + 1, amountFen })));
  }

  await seedContractsDemo(tx, ids);
  await seedPayments(tx, ids, person);
  await bindPanyuEvaluation(tx, ids);
}

type Payment = typeof paymentRequests.$inferInsert;

/** Monthly amounts that add up exactly, with `decemberShare` of the total in December. */
function byMonth(totalFen: number, decemberShare: number): number[] {
  const december = Math.round(totalFen * decemberShare);
  return [...allocateEvenly(totalFen - december, 11), december];
}

async function seedPayments(tx: Queryable, ids: ControlDemoIds, person: (username: string) => string): Promise<void> {
  const people = {
    requestedBy: person('requester'),
    reviewedBy: person('accountant'),
    approvedBy: person('approver'),
    paidBy: person('cashier'),
    archivedBy: person('accountant'),
  };
  const payments: Payment[] = [];
  const paid = (values: Omit<Payment, 'organisationId' | 'requestedBy' | 'status'> & { paidOn: string }): Payment => ({
    ...values,
    ...people,
    organisationId: ids.departmentId,
    status: 'archived',
    requestedAt: new Date(`${values.paidOn}T09:00:00+08:00`),
    reviewedAt: new Date(`${values.paidOn}T10:00:00+08:00`),
    approvedAt: new Date(`${values.paidOn}T11:00:00+08:00`),
    archivedAt: new Date(`${values.paidOn}T17:00:00+08:00`),
    decisionReference: values.amountFen >= 1_000_000_00 ? '局党组会议纪要〔2024〕（示例）' : null,
  });

  // Payments against the demo's contracts (accepted milestones) and subsidy grants come first.
  const linked = new Map<string, number>();
  const spendingTypeOf = new Map(LINES.map((spec) => [ids.budgetLines.get(spec.code) ?? '', spec.spendingType]));
  const milestones = await tx
    .select({ milestone: contractMilestones, contract: contracts })
    .from(contractMilestones)
    .innerJoin(contracts, eq(contracts.id, contractMilestones.contractId))
    .where(and(eq(contracts.organisationId, ids.departmentId), isNotNull(contractMilestones.acceptedAt)));
  for (const { milestone, contract } of milestones) {
    const paidOn =
      (milestone.acceptedAt?.toISOString().slice(0, 10) ?? '2024-12-01') < '2024-12-20'
        ? addDays(milestone.acceptedAt?.toISOString().slice(0, 10) ?? '2024-06-01', 10)
        : '2024-12-26';
    payments.push(
      paid({
        budgetLineId: contract.budgetLineId,
        contractId: contract.id,
        milestoneId: milestone.id,
        payeeName: contract.counterpartyName,
        payeeUscc: contract.counterpartyUscc,
        amountFen: milestone.amountFen,
        invoiceNumber: `FP${contract.code}-${milestone.seq}`,
        purpose: `${contract.title}：${milestone.description}`,
        expenseType: spendingTypeOf.get(contract.budgetLineId) ?? 'project',
        dueOn: milestone.dueOn,
        paidOn,
      }),
    );
    linked.set(contract.budgetLineId, (linked.get(contract.budgetLineId) ?? 0) + milestone.amountFen);
  }
  const lineIds = [...ids.budgetLines.values()];
  const grants = await tx
    .select({ grant: subsidyGrants, recipient: subsidyRecipients })
    .from(subsidyGrants)
    .innerJoin(subsidyRecipients, eq(subsidyRecipients.id, subsidyGrants.recipientId))
    .where(inArray(subsidyGrants.budgetLineId, lineIds.length ? lineIds : ['00000000-0000-0000-0000-000000000000']));
  for (const { grant, recipient } of grants) {
    const paidOn = addDays(grant.dueOn, -5) < `${ids.fiscalYear}-01-01` ? grant.dueOn : addDays(grant.dueOn, -5);
    payments.push(
      paid({
        budgetLineId: grant.budgetLineId,
        grantId: grant.id,
        payeeName: recipient.name,
        payeeUscc: recipient.uscc,
        amountFen: grant.amountFen,
        invoiceNumber: null,
        purpose: `${grant.programme}：${recipient.name}`,
        expenseType: 'project',
        dueOn: grant.dueOn,
        paidOn,
      }),
    );
    linked.set(grant.budgetLineId, (linked.get(grant.budgetLineId) ?? 0) + grant.amountFen);
  }

  // The rest of each line's spending, month by month, with the December rush on project lines.
  for (const spec of LINES) {
    const lineId = ids.budgetLines.get(spec.code) ?? '';
    let remaining = fen(spec.paidYuan) - (linked.get(lineId) ?? 0);
    if (remaining < 0) throw new Error(`demo payments on ${spec.code} exceed its planned total`);
    if (spec.code === 'KGSX-XM-CYFC') {
      const late = fen(LATE_ON_CYFC_YUAN);
      payments.push(
        paid({
          budgetLineId: lineId,
          payeeName: spec.payees[0] ?? '',
          amountFen: late,
          invoiceNumber: null,
          purpose: `${spec.name}：第三季度兑付（逾期拨付）`,
          expenseType: 'project',
          dueOn: '2024-09-30',
          paidOn: '2024-10-25',
        }),
      );
      remaining -= late;
    }
    byMonth(remaining, spec.decemberShare).forEach((amountFen, index) => {
      if (amountFen === 0) return;
      const month = String(index + 1).padStart(2, '0');
      const day = index === 11 ? '27' : '20';
      payments.push(
        paid({
          budgetLineId: lineId,
          payeeName: spec.payees[index % spec.payees.length] ?? '',
          amountFen,
          invoiceNumber: spec.spendingType === 'project' ? `FP2024${month}${spec.code.slice(-4)}` : null,
          purpose: `${spec.name}：${index + 1}月支付`,
          expenseType: spec.spendingType,
          dueOn: spec.spendingType === 'project' ? `2024-${month}-${index === 11 ? '31' : '28'}` : null,
          paidOn: `2024-${month}-${day}`,
        }),
      );
    });
  }
  for (let start = 0; start < payments.length; start += 500) await tx.insert(paymentRequests).values(payments.slice(start, start + 500));
}

/**
 * 管理效率 items the ledger computes, by catalogue code: the item keeps its formula and the metric fills
 * its inputs (政府采购执行率 from the procurement register, 结转结余率 and 预算调整率 from the lines).
 */
const LEDGER_BOUND_MANAGEMENT: Readonly<Record<string, string>> = {
  'carry-over-rate': 'carry-over-rate',
  'budget-adjustment-rate': 'adjustment-rate',
  'procurement-execution-rate': 'procurement-execution-rate',
};

/** The Panyu evaluation takes its budget, two indicators' actuals and three 管理效率 items' inputs from the ledger. */
async function bindPanyuEvaluation(tx: Queryable, ids: ControlDemoIds): Promise<void> {
  const [evaluation] = await tx
    .select()
    .from(evaluations)
    .where(
      and(eq(evaluations.organisationId, ids.departmentId), eq(evaluations.kind, 'department'), eq(evaluations.fiscalYear, ids.fiscalYear)),
    );
  if (!evaluation) return;
  await tx.update(evaluations).set({ budgetSource: 'ledger' }).where(eq(evaluations.id, evaluation.id));
  const subsidyLine = ids.budgetLines.get('KGSX-XM-CYFC');
  const bind = (code: string, metric: string) =>
    tx
      .update(indicators)
      .set({ bindingMetric: metric, bindingScope: subsidyLine ? { budgetLineIds: [subsidyLine] } : null })
      .where(and(eq(indicators.evaluationId, evaluation.id), eq(indicators.code, code)));
  await bind('G1-4', 'paid-on-time-in-full-rate');
  await bind('G1-5', 'cost-control-rate');
  const item = (code: string) => and(eq(managementEntries.evaluationId, evaluation.id), eq(managementEntries.code, code));
  // The workbook's amounts are the ledger's of the seed day; bound, the items follow the ledger from now on.
  for (const [code, metric] of Object.entries(LEDGER_BOUND_MANAGEMENT))
    await tx.update(managementEntries).set({ bindingMetric: metric }).where(item(code));
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
