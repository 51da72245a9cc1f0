import { describe, expect, it } from 'vitest';
import { readLedgerRows } from './read-ledger.ts';
import { csvText, encodeGb18030, fixture, headersOf, xlsxOf } from './testing.ts';

const PAYMENT_HEADERS = headersOf('payments');
const BUDGET_HEADERS = headersOf('budget-lines');
const VALID_USCC = '91440101MA59ABCD0A';

const payment = (overrides: Partial<Record<(typeof PAYMENT_HEADERS)[number], string>> = {}) => {
  const values: Record<string, string> = {
    单位编码: 'PY-KGSX-01',
    指标编码: 'JB-2024-001',
    收款人: '广州市某某公司',
    收款人统一社会信用代码: VALID_USCC,
    金额: '1234.56',
    发票号: 'FP001',
    用途: '办公用品',
    支出类型: '基本支出',
    应付日期: '',
    支付日期: '2024-03-05',
    ...overrides,
  };
  return PAYMENT_HEADERS.map((header) => values[header] ?? '');
};

const readCsv = (kind: 'payments' | 'budget-lines', rows: readonly (readonly string[])[]) =>
  readLedgerRows(kind, 'file.csv', new TextEncoder().encode(csvText(rows)));

describe('reading a payments file', () => {
  it('reads a GBK CSV from finance software: quoted commas and line breaks, ="…" codes, 1,234.50, three date styles', async () => {
    const result = await readLedgerRows('payments', '支付明细.csv', fixture('payments-gbk.csv'));
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        unitCode: 'PY-KGSX-01',
        budgetLineCode: 'JB-2024-001',
        payeeName: '广州市番禺区某某办公用品有限公司',
        payeeUscc: VALID_USCC,
        amountFen: 123_450,
        invoiceNumber: '00012345',
        purpose: '办公用品采购',
        expenseType: 'basic',
        dueOn: '2024-03-01',
        paidOn: '2024-03-05',
      },
      expect.objectContaining({
        row: 3,
        payeeName: '张三（个人）',
        payeeUscc: undefined,
        amountFen: 80_000,
        purpose: '差旅费报销，含"高铁"票',
        paidOn: '2024-03-08',
      }),
      expect.objectContaining({
        row: 4,
        payeeUscc: '91440113MA5CXB7L2J',
        amountFen: 12_000_000,
        expenseType: 'project',
        purpose: '数字化转型培训服务费\r\n（第一期）',
        paidOn: '2024-04-28',
      }),
    ]);
  });

  it('reads an .xlsx saved by LibreOffice: number and date cells, shared strings after the sheet', async () => {
    const result = await readLedgerRows('payments', 'p.xlsx', fixture('payments-libreoffice.xlsx'));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.amountFen, row.invoiceNumber, row.dueOn, row.paidOn])).toEqual([
      [123_450, '12345', '2024-03-01', '2024-03-05'],
      [12_000_000, 'FP-2024-0088', undefined, '2024-04-28'],
    ]);
  });

  it('reads date cells and numeric amounts that round-trip; columns in any order, optional ones left out', async () => {
    const headers = ['支付日期', '金额', '单位编码', '指标编码', '收款人', '发票号', '用途', '支出类型'];
    const bytes = await xlsxOf('payments', [
      headers,
      [new Date(Date.UTC(2024, 11, 31)), 1234.5, 'PY-KGSX-01', 'JB-1', '甲', 'F1', '用途', '基本支出'],
      ['2024/1/2', '10,000,000.01', 'PY-KGSX-01', 'JB-1', '乙', 'F2', '用途', '项目'],
    ]);
    const result = await readLedgerRows('payments', 'p.xlsx', bytes);
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.paidOn, row.amountFen, row.expenseType])).toEqual([
      ['2024-12-31', 123_450, 'basic'],
      ['2024-01-02', 1_000_000_001, 'project'],
    ]);
    expect(result.columns.amountFen).toBe('金额（B列）');
  });
});

describe('a malformed payments file names every problem by row and column', () => {
  it('wrong and missing headers', async () => {
    const headers = PAYMENT_HEADERS.map((header) => (header === '金额' ? '金额（万元）' : header)).filter((header) => header !== '发票号');
    const result = await readCsv('payments', [headers]);
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      {
        row: 1,
        column: '金额（万元）（E列）',
        message: `不认识的列标题“金额（万元）”（E1）；列标题应为：${PAYMENT_HEADERS.join('、')}`,
      },
      { row: 1, column: '金额', message: `缺少必填列“金额”；第 1 行应为列标题：${PAYMENT_HEADERS.join('、')}` },
      { row: 1, column: '发票号', message: `缺少必填列“发票号”；第 1 行应为列标题：${PAYMENT_HEADERS.join('、')}` },
      { row: 2, column: '', message: '文件中没有数据：第 1 行是列标题，从第 2 行起每行一条记录' },
    ]);
  });

  it('bad dates, text in amounts, a third decimal, an invalid 统一社会信用代码, blanks — all of them, not the first', async () => {
    const result = await readCsv('payments', [
      PAYMENT_HEADERS,
      payment({ 支付日期: '2024-02-30' }),
      payment({ 支付日期: '3月5日', 应付日期: '45356' }),
      payment({ 金额: '一百万' }),
      payment({ 金额: '12万' }),
      payment({ 金额: '1234.567' }),
      payment({ 收款人统一社会信用代码: '91440101MA59ABCD0B' }),
      payment({ 收款人统一社会信用代码: '9144010' }),
      payment({ 收款人: '', 支出类型: '行政支出', 金额: '0' }),
    ]);
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      { row: 2, column: '支付日期（J列）', message: '应为日期，如 2025-06-20 或 2025年6月20日；读到“2024-02-30”' },
      { row: 3, column: '应付日期（I列）', message: '应为日期，如 2025-06-20 或 2025年6月20日；读到“45356”' },
      { row: 3, column: '支付日期（J列）', message: '应为日期，如 2025-06-20 或 2025年6月20日；读到“3月5日”' },
      { row: 4, column: '金额（E列）', message: '应为金额（元），只填数字，如 1234.56；读到“一百万”' },
      { row: 5, column: '金额（E列）', message: '应为金额（元），只填数字，如 1234.56；读到“12万”' },
      { row: 6, column: '金额（E列）', message: '金额最多两位小数（元，精确到分），读到“1234.567”；系统不做四舍五入，请核对后重填' },
      { row: 7, column: '收款人统一社会信用代码（D列）', message: '统一社会信用代码校验位不正确，读到“91440101MA59ABCD0B”' },
      { row: 8, column: '收款人统一社会信用代码（D列）', message: '统一社会信用代码应为 18 位，读到“9144010”' },
      { row: 9, column: '收款人（C列）', message: '必填，不能为空' },
      { row: 9, column: '金额（E列）', message: '金额应大于 0，读到“0”' },
      { row: 9, column: '支出类型（H列）', message: '应为“基本支出”或“项目支出”，读到“行政支出”' },
    ]);
  });

  it('a numeric amount cell that does not round-trip and a third decimal in a number cell', async () => {
    const rows = [PAYMENT_HEADERS, payment(), payment({ 发票号: 'F2' })].map((row) => [...row] as (string | number)[]);
    const amount = PAYMENT_HEADERS.indexOf('金额');
    (rows[1] as (string | number)[])[amount] = 0.1 + 0.2;
    (rows[2] as (string | number)[])[amount] = 10.005;
    const result = await readLedgerRows('payments', 'p.xlsx', await xlsxOf('payments', rows));
    expect(result.issues.map((issue) => [issue.row, issue.message])).toEqual([
      [2, '数值超出 Excel 能精确保存的 15 位有效数字（读到 0.30000000000000004），请把单元格设为文本格式后重新填写'],
      [3, '金额最多两位小数（元，精确到分），读到“10.005”；系统不做四舍五入，请核对后重填'],
    ]);
  });

  it('duplicate rows: same 收款人, 金额 (as money, 1234.5 = 1234.50), 发票号 and 支付日期', async () => {
    const result = await readCsv('payments', [
      PAYMENT_HEADERS,
      payment(),
      payment({ 发票号: 'FP002' }),
      payment({ 金额: '1,234.560', 支付日期: '2024/3/5', 用途: '另一用途' }),
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([2, 3]);
    expect(result.issues).toEqual([
      {
        row: 4,
        column: '收款人（C列）、金额（E列）、发票号（F列）、支付日期（J列）',
        message: '与第 2 行重复：收款人、金额、发票号、支付日期都相同',
      },
    ]);
  });

  it('content in a column without a header, and an unclosed quote', async () => {
    const text = `${csvText([PAYMENT_HEADERS, [...payment(), '备注']])}PY-KGSX-01,"JB-1,没有结束的引号\r\n`;
    const result = await readLedgerRows('payments', 'p.csv', new TextEncoder().encode(text));
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.message])).toEqual([
      [2, 'K列', '这一列没有列标题，却填了内容；请删除内容或补上列标题'],
      [3, '', '引号未闭合：从这一格起到文件末尾的内容都被当成了一个单元格，请检查英文双引号是否成对'],
      [3, '收款人（C列）', '必填，不能为空'],
      [3, '金额（E列）', '必填，不能为空'],
      [3, '发票号（F列）', '必填，不能为空'],
      [3, '用途（G列）', '必填，不能为空'],
      [3, '支出类型（H列）', '必填，不能为空'],
      [3, '支付日期（J列）', '必填，不能为空'],
    ]);
  });

  it.each([
    [
      'an .xls file',
      'old.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
      '不支持 Excel 97-2003 格式（.xls），请在 Excel 中另存为 .xlsx 或 CSV 后重新导入',
    ],
    ['a PDF', 'ledger.pdf', new TextEncoder().encode('%PDF-1.7'), '只能导入 .xlsx 或 .csv 文件，“ledger.pdf”两者都不是'],
    ['an empty file', 'empty.csv', new Uint8Array(), '文件是空的'],
  ])('refuses %s as a whole', async (_name, filename, bytes, message) => {
    const result = await readLedgerRows('payments', filename, bytes);
    expect(result.issues).toEqual([{ row: 0, column: '', message }]);
  });

  it('refuses a damaged .xlsx as a whole', async () => {
    const bytes = (await xlsxOf('payments', [PAYMENT_HEADERS, payment()])).slice(0, 300);
    const result = await readLedgerRows('payments', 'cut.xlsx', bytes);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ row: 0, column: '' });
    expect(result.issues[0]?.message).toMatch(/^无法读取文件（文件损坏，或不是 Excel 工作簿 \/ CSV 文本）：/);
  });

  it('keeps the first 1,000 issues and counts the rest', async () => {
    const rows = [PAYMENT_HEADERS, ...Array.from({ length: 1_500 }, (_, index) => payment({ 发票号: `F${index}`, 金额: '壹佰元' }))];
    const result = await readCsv('payments', rows);
    expect(result.issues).toHaveLength(1_000);
    expect(result.omittedIssues).toBe(500);
    expect(result.rowCount).toBe(1_500);
    expect(result.issues.at(-1)?.row).toBe(1_001);
  });
});

describe('reading a budget-lines file', () => {
  const line = (overrides: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      单位编码: 'PY-KGSX-01',
      年度: '2024',
      指标编码: 'JB-2024-001',
      指标名称: '人员经费',
      支出类型: '基本支出',
      资金来源: '一般公共预算',
      项目编码: '',
      年初预算数: '1,200,000.00',
      上年结转: '',
      ...overrides,
    };
    return BUDGET_HEADERS.map((header) => values[header] ?? '');
  };

  it('reads exact fen, a blank 上年结转 as 0, and an .xlsx saved by LibreOffice', async () => {
    const result = await readCsv('budget-lines', [
      BUDGET_HEADERS,
      line(),
      line({ 指标编码: 'XM-1', 支出类型: '项目支出', 项目编码: 'XM2024-017', 上年结转: '0.01', 年度: '2024年' }),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        unitCode: 'PY-KGSX-01',
        fiscalYear: 2024,
        code: 'JB-2024-001',
        name: '人员经费',
        spendingType: 'basic',
        fundingSource: '一般公共预算',
        projectCode: undefined,
        initialFen: 120_000_000,
        carryOverFen: 0,
      },
      expect.objectContaining({ row: 3, code: 'XM-1', spendingType: 'project', projectCode: 'XM2024-017', carryOverFen: 1 }),
    ]);
    const saved = await readLedgerRows('budget-lines', 'b.xlsx', fixture('budget-lines-libreoffice.xlsx'));
    expect(saved.issues).toEqual([]);
    expect(saved.rows.map((row) => [row.fiscalYear, row.initialFen, row.carryOverFen, row.projectCode])).toEqual([
      [2024, 120_000_000, 0, undefined],
      [2024, 200_000_000, 15_000_050, 'XM2024-017'],
    ]);
  });

  it('reads the same file saved as GB18030 (no BOM) exactly as its UTF-8 form', async () => {
    const text = csvText([BUDGET_HEADERS, line({ 指标名称: '科技创新券（含“揭榜挂帅”）' })]);
    const gbk = await readLedgerRows('budget-lines', 'gbk.csv', encodeGb18030(text));
    const utf8 = await readLedgerRows('budget-lines', 'utf8.csv', new TextEncoder().encode(text));
    expect(gbk.issues).toEqual([]);
    expect(gbk.rows).toEqual(utf8.rows);
    expect(gbk.rows[0]?.name).toBe('科技创新券（含“揭榜挂帅”）');
  });

  it('names a bad year, a negative amount, a project code on 基本支出, and a repeated 单位编码+年度+指标编码', async () => {
    const result = await readCsv('budget-lines', [
      BUDGET_HEADERS,
      line(),
      line({ 年度: '24' }),
      line({ 指标编码: 'JB-2', 年初预算数: '-5', 项目编码: 'XM2024-017' }),
      line({ 指标名称: '重复的一行' }),
    ]);
    expect(result.issues).toEqual([
      { row: 3, column: '年度（B列）', message: '年度应为 2000–2099 之间的四位年份，读到“24”' },
      { row: 4, column: '年初预算数（H列）', message: '金额不能为负数，读到“-5”' },
      { row: 4, column: '项目编码（G列）', message: '基本支出指标不对应项目，项目编码应留空（读到“XM2024-017”）' },
      { row: 5, column: '单位编码（A列）、年度（B列）、指标编码（C列）', message: '与第 2 行重复：单位编码、年度、指标编码都相同' },
    ]);
  });
});
