import { type Fen, formatYuanGrouped } from '../numbers/money.ts';
import { availableOf } from './balance.ts';
import type { ControlConfig, ControlViolation } from './config.ts';
import { approverPayer, countersigner as countersignerSod, found, requesterApprover, requesterReviewer } from './segregation.ts';
import { validateUscc } from './uscc.ts';

/** 申请 → 审核 → 审批 → 支付 → 归档 */
export type PaymentStep = 'request' | 'review' | 'approve' | 'pay';

export interface PaymentFacts {
  readonly amount: Fen;
  /** 基本支出 or 项目支出, as declared on the request. */
  readonly expenseType: 'basic' | 'project';
  readonly budgetLine: {
    readonly spendingType: 'basic' | 'project';
    /** Adjusted budget incl. carry-over. */
    readonly budget: Fen;
    readonly paid: Fen;
    /** Open requests other than this one (申请/审核/审批中). */
    readonly committedByOthers: Fen;
  };
  readonly payee: { readonly name: string; readonly uscc?: string | undefined };
  readonly contract?:
    | {
        readonly counterpartyName: string;
        readonly counterpartyUscc: string;
        readonly amount: Fen;
        readonly paid: Fen;
        readonly committedByOthers: Fen;
        /** Σ of accepted milestones (验收). */
        readonly accepted: Fen;
      }
    | undefined;
  readonly collectiveDecision?: { readonly reference?: string | undefined; readonly countersignedBy?: string | undefined } | undefined;
  /** Who did which step so far, and who is taking this one. */
  readonly people: {
    readonly requester: string;
    readonly reviewer?: string | undefined;
    readonly approver?: string | undefined;
    readonly actor: string;
  };
  /** Earlier requests (not rejected) with the same payee, amount and invoice number. */
  readonly duplicates: number;
  readonly duplicateConfirmed: boolean;
}

const yuan = (fen: Fen) => `${formatYuanGrouped(fen)} 元`;

/**
 * The executable internal-control rules of a payment, for the step being taken. Pure: the server
 * gathers the facts inside a transaction that locks the budget line, and refuses the step with
 * every violation's code and reason; nothing is written.
 */
export function checkPayment(step: PaymentStep, facts: PaymentFacts, config: ControlConfig): ControlViolation[] {
  const violations: ControlViolation[] = [];
  const { budgetLine, contract, people, amount } = facts;

  // 预算控制: checked at every step, since the ledger moves between steps.
  const available = availableOf(budgetLine.budget, budgetLine.paid, budgetLine.committedByOthers);
  if (amount > available) {
    violations.push({
      code: 'IC_BALANCE_INSUFFICIENT',
      field: 'amount',
      message: `可用余额不足：预算 ${yuan(budgetLine.budget)} − 已支付 ${yuan(budgetLine.paid)} − 已占用 ${yuan(budgetLine.committedByOthers)} = 可用 ${yuan(available)}，本次 ${yuan(amount)}`,
    });
  }
  if (facts.expenseType !== budgetLine.spendingType) {
    violations.push({
      code: 'IC_BASIC_PROJECT_MIXED',
      field: 'budgetLineId',
      message: `${facts.expenseType === 'basic' ? '基本支出' : '项目支出'}不能从${budgetLine.spendingType === 'basic' ? '基本支出' : '项目支出'}预算中列支`,
    });
  }

  // 合同控制
  if (amount >= config.contractRequiredFromFen && !contract) {
    violations.push({
      code: 'IC_CONTRACT_REQUIRED',
      field: 'contractId',
      message: `金额达到 ${yuan(config.contractRequiredFromFen)} 的支付须关联合同`,
    });
  }
  if (contract) {
    if (!isSameParty(facts.payee, { name: contract.counterpartyName, uscc: contract.counterpartyUscc })) {
      violations.push({
        code: 'IC_PAYEE_NOT_COUNTERPARTY',
        field: 'payeeName',
        message: `收款人“${facts.payee.name}”不是合同相对方“${contract.counterpartyName}”`,
      });
    }
    const unpaid = contract.amount - contract.paid - contract.committedByOthers;
    if (amount > unpaid) {
      violations.push({
        code: 'IC_EXCEEDS_CONTRACT_UNPAID',
        field: 'amount',
        message: `超过合同未付金额：合同 ${yuan(contract.amount)}，已付及在途 ${yuan(contract.paid + contract.committedByOthers)}，剩余 ${yuan(unpaid)}`,
      });
    }
    const acceptedRemaining = contract.accepted - contract.paid - contract.committedByOthers;
    if (amount > acceptedRemaining) {
      violations.push({
        code: 'IC_EXCEEDS_ACCEPTED',
        field: 'amount',
        message: `超过已验收金额：已验收 ${yuan(contract.accepted)}，已付及在途 ${yuan(contract.paid + contract.committedByOthers)}，可付 ${yuan(Math.max(0, acceptedRemaining))}`,
      });
    }
  }
  if (facts.payee.uscc) {
    const checked = validateUscc(facts.payee.uscc);
    if (!checked.ok) violations.push({ code: 'IC_USCC_INVALID', field: 'payeeUscc', message: checked.message });
  }

  // 不相容岗位相互分离
  if (step === 'review') violations.push(...found(requesterReviewer(people.requester, people.actor)));
  if (step === 'approve') violations.push(...found(requesterApprover(people.requester, people.actor)));
  if (step === 'pay') violations.push(...found(approverPayer(people.approver, people.actor)));

  // 授权审批: 集体决策 / 会签
  if (step === 'approve' && amount >= config.collectiveDecisionFromFen) {
    const decision = facts.collectiveDecision;
    const countersigner = decision?.countersignedBy;
    if (!decision?.reference?.trim() && !countersigner) {
      violations.push({
        code: 'IC_COLLECTIVE_DECISION_REQUIRED',
        field: 'collectiveDecision',
        message: `金额达到 ${yuan(config.collectiveDecisionFromFen)}，须填写集体决策文号（会议纪要）或由第三人会签`,
      });
    }
    violations.push(...found(countersignerSod(countersigner, people.requester, people.actor)));
  }

  if (step === 'request' && facts.duplicates > 0 && !facts.duplicateConfirmed) {
    violations.push({
      code: 'IC_DUPLICATE_SUSPECTED',
      field: 'invoiceNumber',
      confirmable: true,
      message: `已有 ${facts.duplicates} 笔相同收款人、金额和发票号的支付申请，疑似重复；确认不是重复支付后可勾选“确认非重复”再提交`,
    });
  }
  return violations;
}

/** A payee as a request names it: the name, and the 统一社会信用代码 when given. */
export interface Party {
  readonly name: string;
  readonly uscc?: string | undefined;
}

/**
 * The one payee-name normaliser, for contracts and grants alike: full-width and half-width forms are
 * the same (NFKC: “（”→“(”, “Ａ”→“A”), and spaces, brackets and case do not count, so “广州某科技（有限）公司”
 * and “广州某科技(有限)公司 ” are one name.
 */
export function normalisePayeeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()]/g, '')
    .toLowerCase();
}

/** Whether the payee is the party: the same normalised name, and the same code when the payee gives one. */
export function isSameParty(payee: Party, party: { readonly name: string; readonly uscc: string }): boolean {
  const sameName = normalisePayeeName(payee.name) === normalisePayeeName(party.name);
  const payeeCode = payee.uscc?.trim();
  return sameName && (!payeeCode || payeeCode.toUpperCase() === party.uscc.trim().toUpperCase());
}
