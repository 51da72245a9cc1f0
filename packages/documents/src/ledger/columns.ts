/**
 * The columns of the two ledger imports (预算指标, 支付明细). This table is the one source for the
 * reader, the blank template, its 填写说明 sheet and docs/ledger-import.md (a test keeps the doc in step).
 */
export type LedgerKind = 'budget-lines' | 'payments';

export const LEDGER_KINDS: readonly LedgerKind[] = ['budget-lines', 'payments'];

export interface LedgerColumn<Key extends string = string> {
  readonly key: Key;
  /** The Chinese header in row 1, exactly as the template writes it. */
  readonly header: string;
  /** A value is required in every row; otherwise the column may also be left out of the file. */
  readonly required: boolean;
  /** What to write, for the template's 填写说明 sheet and the doc. */
  readonly hint: string;
  /** Date columns are date-formatted in the template so a typed date becomes a date cell; all others are text, so amounts stay exact. */
  readonly isDate?: boolean;
}

export const BUDGET_LINE_COLUMNS = [
  { key: 'unitCode', header: '单位编码', required: true, hint: '系统中的单位编码，如 PY-KGSX-01；须为本次导入单位或其下级单位' },
  { key: 'fiscalYear', header: '年度', required: true, hint: '预算年度，如 2024（也接受“2024年”）；须已在系统中建立' },
  { key: 'code', header: '指标编码', required: true, hint: '同一单位同一年度内唯一；不能与系统中已有的指标重复' },
  { key: 'name', header: '指标名称', required: true, hint: '文本，最多 200 字' },
  { key: 'spendingType', header: '支出类型', required: true, hint: '基本支出 或 项目支出' },
  { key: 'fundingSource', header: '资金来源', required: true, hint: '如 一般公共预算、政府性基金、上级转移支付' },
  { key: 'projectCode', header: '项目编码', required: false, hint: '可不填；项目支出指标可填系统中该单位该年度的项目编码，基本支出不填' },
  { key: 'initialFen', header: '年初预算数', required: true, hint: '金额（元），最多两位小数，不能为负' },
  { key: 'carryOverFen', header: '上年结转', required: false, hint: '金额（元），最多两位小数，不能为负；空白视为 0' },
] as const satisfies readonly LedgerColumn[];

export const PAYMENT_COLUMNS = [
  { key: 'unitCode', header: '单位编码', required: true, hint: '付款单位的编码；须为本次导入单位或其下级单位' },
  { key: 'budgetLineCode', header: '指标编码', required: true, hint: '该单位在支付日期所在年度的预算指标编码' },
  { key: 'payeeName', header: '收款人', required: true, hint: '收款单位或个人的全称，最多 200 字' },
  {
    key: 'payeeUscc',
    header: '收款人统一社会信用代码',
    required: false,
    hint: '可不填；填写时须为 18 位有效代码（GB 32100-2015，含校验位）',
  },
  { key: 'amountFen', header: '金额', required: true, hint: '金额（元），大于 0，最多两位小数' },
  { key: 'invoiceNumber', header: '发票号', required: true, hint: '发票号码；没有发票的填凭证号' },
  { key: 'purpose', header: '用途', required: true, hint: '文本，最多 500 字' },
  { key: 'expenseType', header: '支出类型', required: true, hint: '基本支出 或 项目支出，须与指标的支出类型一致' },
  { key: 'dueOn', header: '应付日期', required: false, hint: '可不填；日期，用于计算资金及时足额拨付率', isDate: true },
  { key: 'paidOn', header: '支付日期', required: true, hint: '日期；其年度决定使用哪一年度的指标', isDate: true },
] as const satisfies readonly LedgerColumn[];

export type BudgetLineKey = (typeof BUDGET_LINE_COLUMNS)[number]['key'];
export type PaymentKey = (typeof PAYMENT_COLUMNS)[number]['key'];

export const LEDGER_COLUMNS: Readonly<Record<LedgerKind, readonly LedgerColumn[]>> = {
  'budget-lines': BUDGET_LINE_COLUMNS,
  payments: PAYMENT_COLUMNS,
};

/** The data sheet's name in the template; the reader takes the first sheet other than 填写说明 whatever its name. */
export const LEDGER_SHEET: Readonly<Record<LedgerKind, string>> = { 'budget-lines': '预算指标', payments: '支付明细' };
export const INSTRUCTIONS_SHEET = '填写说明';

export const LEDGER_TITLE: Readonly<Record<LedgerKind, string>> = { 'budget-lines': '预算指标导入', payments: '支付明细导入' };

/** The columns whose values together identify a row; a second row with the same values is a duplicate. */
export const DUPLICATE_KEY: { readonly 'budget-lines': readonly BudgetLineKey[]; readonly payments: readonly PaymentKey[] } = {
  'budget-lines': ['unitCode', 'fiscalYear', 'code'],
  payments: ['payeeName', 'amountFen', 'invoiceNumber', 'paidOn'],
};
