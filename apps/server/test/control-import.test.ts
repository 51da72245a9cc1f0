import { readLedgerRows } from '@jixiao/documents';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createImportJob,
  failStaleImportJobs,
  findImportJob,
  IMPORT_STALE_AFTER_MS,
  touchImportJob,
} from '../src/control/import/import-job.repository.ts';
import { auditLog, importJobs, organisations } from '../src/db/schema.ts';
import { createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, multipart, type Session, type TestApp, testApp } from './harness.ts';
import { BUDGET_HEADERS, balances, csv, fixture, importAndWait, ledgerTotals, PAYMENT_HEADERS, xlsx } from './ledger-import-fixtures.ts';

let t: TestApp;
let accountant: Session;
let unitAccountant: Session;
let department: string;
let unit01: string;
/** What the demo seed already holds; every figure below is a change from it. */
let demo: Awaited<ReturnType<typeof ledgerTotals>>;

/** The change in the ledger since the demo seed: lines and payments added, their sums in fen (as text, exact). */
async function added() {
  const now = await ledgerTotals(t.deps.db);
  return {
    lines: (now?.lines ?? 0) - (demo?.lines ?? 0),
    payments: (now?.payments ?? 0) - (demo?.payments ?? 0),
    budgetFen: String(BigInt(now?.budgetFen ?? '0') - BigInt(demo?.budgetFen ?? '0')),
    paidFen: String(BigInt(now?.paidFen ?? '0') - BigInt(demo?.paidFen ?? '0')),
  };
}

beforeAll(async () => {
  t = await testApp();
  const [dept] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX'));
  const [unit] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX-01'));
  department = dept?.id ?? '';
  unit01 = unit?.id ?? '';
  const grant = (username: string, organisationId: string) =>
    createUser(
      t.deps.db,
      {
        username,
        displayName: `${username}（测试）`,
        organisationId,
        password: DEMO_PASSWORD,
        roles: [{ role: 'accountant', organisationId }],
      },
      10,
    );
  // Users of their own, so the test does not depend on which posts the demo seeds.
  await grant('import.accountant', department);
  await grant('unit.accountant', unit01);
  accountant = await login(t.app, 'import.accountant');
  unitAccountant = await login(t.app, 'unit.accountant');
  demo = await ledgerTotals(t.deps.db);
});
afterAll(() => t.close());

const importAs = (
  session: Session,
  kind: 'budget-lines' | 'payments',
  filename: string,
  bytes: Uint8Array | string,
  organisationId = department,
) => importAndWait(t.app, session, { kind, organisationId }, filename, bytes);

const line = (unit: string, code: string, type: '基本支出' | '项目支出', initial: string, extra: Record<string, string> = {}) => ({
  单位编码: unit,
  年度: '2024',
  指标编码: code,
  指标名称: `${code}指标`,
  支出类型: type,
  资金来源: '一般公共预算',
  年初预算数: initial,
  ...extra,
});

const BUDGET_FILE = csv(BUDGET_HEADERS, [
  line('PY-KGSX-01', 'JB-2024-001', '基本支出', '1,200,000.00'),
  line('PY-KGSX-01', 'XM-2024-002', '项目支出', '500000', { 上年结转: '100000.50' }),
  line('PY-KGSX-02', 'XM-2024-001', '项目支出', '2000000', { 项目编码: 'XM2024-017' }),
  line('PY-KGSX-02', 'JB-2024-001', '基本支出', '300000.00'),
  line('PY-KGSX-03', 'XM-2024-BIG', '项目支出', '100000000.00'),
  line('PY-KGSX', 'JB-2024-900', '基本支出', '0.01'),
]);

const payment = (overrides: Record<string, string | number | Date> = {}) => ({
  单位编码: 'PY-KGSX-01',
  指标编码: 'JB-2024-001',
  收款人: '广州市番禺区某某办公用品有限公司',
  收款人统一社会信用代码: '91440101MA59ABCD0A',
  金额: '1000.00',
  发票号: 'FP-0001',
  用途: '办公用品',
  支出类型: '基本支出',
  支付日期: '2024-03-05',
  ...overrides,
});

describe('importing budget lines, then payments', () => {
  it('serves blank templates that read back as headers with no data', async () => {
    for (const kind of ['budget-lines', 'payments'] as const) {
      const response = await as(t.app, accountant).get(`/api/ledger/import/template.xlsx?kind=${kind}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(
        encodeURIComponent(kind === 'payments' ? '支付明细导入模板.xlsx' : '预算指标导入模板.xlsx'),
      );
      const read = await readLedgerRows(kind, 't.xlsx', new Uint8Array(response.rawPayload));
      expect(read.issues).toEqual([{ row: 2, column: '', message: '文件中没有数据：第 1 行是列标题，从第 2 行起每行一条记录' }]);
    }
  });

  it('imports a good budget-lines file: counts and exact sums in fen', async () => {
    const job = await importAs(accountant, 'budget-lines', '预算指标.csv', BUDGET_FILE);
    expect(job).toMatchObject({ status: 'done', totalRows: 6, processedRows: 6, createdRows: 6, errorCount: 0, errors: [] });
    expect(job.message).toBe('已导入 6 条预算指标，合计 104,100,000.51 元');
    expect(await added()).toEqual({ lines: 6, payments: 0, budgetFen: '10410000051', paidFen: '0' });
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, job.jobId));
    expect(audit).toMatchObject({
      action: 'import-budget-lines',
      organisationId: department,
      after: { createdRows: 6, total: '104100000.51' },
    });
  });

  it('imports a good payments .xlsx (date cells, numeric amounts) as paid and imported; balances follow to the fen', async () => {
    const bytes = await xlsx('payments', [
      payment({ 金额: 1234.56, 支付日期: new Date(Date.UTC(2024, 0, 31)) }),
      payment({ 金额: '0.01', 发票号: 'FP-0002', 收款人统一社会信用代码: '' }),
      payment({ 单位编码: 'PY-KGSX-02', 金额: '300,000.00', 发票号: 'FP-0003' }),
      payment({
        单位编码: 'PY-KGSX-02',
        指标编码: 'XM-2024-001',
        支出类型: '项目支出',
        金额: '99999.99',
        发票号: 'FP-0004',
        应付日期: '2024-06-30',
        支付日期: '2024年7月2日',
      }),
    ]);
    const job = await importAs(accountant, 'payments', '支付明细.xlsx', bytes);
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 4,
      createdRows: 4,
      errorCount: 0,
      message: '已导入 4 条支付记录，合计 401,234.56 元',
    });
    expect(await added()).toEqual({ lines: 6, payments: 4, budgetFen: '10410000051', paidFen: '40123456' });
    expect(await balances(t.deps.db)).toMatchObject({
      'PY-KGSX-01/JB-2024-001': String(120_000_000 - 123_456 - 1),
      // Paid to exactly its budget: allowed, available 0.
      'PY-KGSX-02/JB-2024-001': '0',
      'PY-KGSX-02/XM-2024-001': String(200_000_000 - 9_999_999),
    });
    const paid = await t.deps.db.query.paymentRequests.findMany({ where: (table, { eq }) => eq(table.paidBy, accountant.userId) });
    expect(paid).toHaveLength(4);
    expect(
      paid.every(
        (row) => row.status === 'paid' && row.imported && row.paidBy === accountant.userId && row.requestedBy === accountant.userId,
      ),
    ).toBe(true);
    expect(paid.map((row) => row.paidOn).sort()).toEqual(['2024-01-31', '2024-03-05', '2024-03-05', '2024-07-02']);
  });

  it('reads a GBK CSV exported by finance software', async () => {
    await importAs(
      accountant,
      'budget-lines',
      'gbk-lines.csv',
      csv(BUDGET_HEADERS, [line('PY-KGSX-02', 'XM-2024-003', '项目支出', '500000')]),
    );
    const gbk = fixture('ledger-payments-gbk.csv');
    // The fixture's third row pays XM-2024-001; the second budget line above is not used by it.
    const job = await importAs(accountant, 'payments', '支付明细（财务软件导出）.csv', gbk);
    expect(job).toMatchObject({ status: 'done', createdRows: 3, message: '已导入 3 条支付记录，合计 122,034.50 元' });
    const rows = await t.deps.db.query.paymentRequests.findMany({ where: (table, { eq }) => eq(table.invoiceNumber, '00012346') });
    expect(rows.map((row) => [row.payeeName, row.amountFen, row.purpose])).toEqual([['张三（个人）', 80_000, '差旅费报销，含"高铁"票']]);
  });
});

describe('a malformed file writes nothing and names every problem', () => {
  const expectRefused = async (kind: 'budget-lines' | 'payments', filename: string, bytes: Uint8Array | string) => {
    const before = await ledgerTotals(t.deps.db);
    const job = await importAs(accountant, kind, filename, bytes);
    expect(job.status).toBe('failed');
    expect(job.createdRows).toBe(0);
    expect(job.message).toBe(`发现 ${job.errorCount} 处问题，未导入任何数据；请按错误清单逐条改正后重新导入`);
    expect(await ledgerTotals(t.deps.db)).toEqual(before);
    return job.errors;
  };
  const paymentsCsv = (...rows: Record<string, string>[]) => csv(PAYMENT_HEADERS, rows);

  it('wrong headers', async () => {
    const headers = PAYMENT_HEADERS.map((header) => (header === '支付日期' ? '付款日期' : header));
    expect(await expectRefused('payments', 'h.csv', csv(headers, [{ ...payment(), 付款日期: '2024-03-05' }]))).toEqual([
      { row: 1, column: '付款日期（J列）', message: `不认识的列标题“付款日期”（J1）；列标题应为：${PAYMENT_HEADERS.join('、')}` },
      { row: 1, column: '支付日期', message: `缺少必填列“支付日期”；第 1 行应为列标题：${PAYMENT_HEADERS.join('、')}` },
      { row: 2, column: '支付日期', message: '必填，不能为空' },
    ]);
  });

  it('bad dates', async () => {
    expect(
      await expectRefused(
        'payments',
        'd.csv',
        paymentsCsv(payment({ 支付日期: '2024-02-30' }), payment({ 发票号: 'X', 支付日期: '2024.13.1', 应付日期: '下月' })),
      ),
    ).toEqual([
      { row: 2, column: '支付日期（J列）', message: '应为日期，如 2025-06-20 或 2025年6月20日；读到“2024-02-30”' },
      { row: 3, column: '应付日期（I列）', message: '应为日期，如 2025-06-20 或 2025年6月20日；读到“下月”' },
      { row: 3, column: '支付日期（J列）', message: '应为日期，如 2025-06-20 或 2025年6月20日；读到“2024.13.1”' },
    ]);
  });

  it('text in amounts', async () => {
    expect(
      await expectRefused(
        'budget-lines',
        'a.csv',
        csv(BUDGET_HEADERS, [line('PY-KGSX-04', 'JB-1', '基本支出', '一百万'), line('PY-KGSX-04', 'JB-2', '基本支出', '120万元')]),
      ),
    ).toEqual([
      { row: 2, column: '年初预算数（H列）', message: '应为金额（元），只填数字，如 1234.56；读到“一百万”' },
      { row: 3, column: '年初预算数（H列）', message: '应为金额（元），只填数字，如 1234.56；读到“120万元”' },
    ]);
  });

  it('an amount with 3 decimals', async () => {
    expect(await expectRefused('payments', 'm.csv', paymentsCsv(payment({ 金额: '100.005' })))).toEqual([
      { row: 2, column: '金额（E列）', message: '金额最多两位小数（元，精确到分），读到“100.005”；系统不做四舍五入，请核对后重填' },
    ]);
  });

  it('duplicate rows', async () => {
    expect(
      await expectRefused(
        'payments',
        'dup.csv',
        paymentsCsv(payment({ 发票号: 'D1' }), payment({ 发票号: 'D2' }), payment({ 发票号: 'D1', 用途: '改了用途' })),
      ),
    ).toEqual([
      {
        row: 4,
        column: '收款人（C列）、金额（E列）、发票号（F列）、支付日期（J列）',
        message: '与第 2 行重复：收款人、金额、发票号、支付日期都相同',
      },
    ]);
  });

  it('an invalid 统一社会信用代码', async () => {
    expect(await expectRefused('payments', 'u.csv', paymentsCsv(payment({ 收款人统一社会信用代码: '91440101MA59ABCD0B' })))).toEqual([
      { row: 2, column: '收款人统一社会信用代码（D列）', message: '统一社会信用代码校验位不正确，读到“91440101MA59ABCD0B”' },
    ]);
  });

  it('a payment whose 支出类型 differs from its line’s', async () => {
    expect(await expectRefused('payments', 't.csv', paymentsCsv(payment({ 支出类型: '项目支出', 发票号: 'T1' })))).toEqual([
      { row: 2, column: '支出类型（H列）', message: '项目支出不能从基本支出预算中列支（指标“JB-2024-001”为基本支出）' },
    ]);
  });

  it('a payments file that would overspend a line, by one fen, named at the row where it happens', async () => {
    // XM-2024-002: 500,000.00 + 上年结转 100,000.50 = 600,000.50, nothing paid yet.
    const rows = [
      payment({ 指标编码: 'XM-2024-002', 支出类型: '项目支出', 金额: '400000', 发票号: 'O1' }),
      payment({ 指标编码: 'XM-2024-002', 支出类型: '项目支出', 金额: '200000.51', 发票号: 'O2' }),
      payment({ 指标编码: 'XM-2024-002', 支出类型: '项目支出', 金额: '5', 发票号: 'O3' }),
      // Already paid to its budget by the .xlsx above: any amount overspends.
      payment({ 单位编码: 'PY-KGSX-02', 金额: '0.01', 发票号: 'O4' }),
    ];
    expect(await expectRefused('payments', 'o.csv', paymentsCsv(...rows))).toEqual([
      {
        row: 3,
        column: '金额（E列）',
        message:
          '可用余额不足：预算 600,000.50 元 − 已支付 400,000.00 元 − 已占用 0.00 元 = 可用 200,000.50 元，本次 200,000.51 元（已支付含本文件此前各行 400,000.00 元）；本文件对指标“XM-2024-002”合计支付 600,005.51 元，超出可用余额 5.01 元，从这一行起累计超支',
      },
      {
        row: 5,
        column: '金额（E列）',
        message:
          '可用余额不足：预算 300,000.00 元 − 已支付 300,000.00 元 − 已占用 0.00 元 = 可用 0.00 元，本次 0.01 元；本文件对指标“JB-2024-001”合计支付 0.01 元，超出可用余额 0.01 元，从这一行起累计超支',
      },
    ]);
    // Exactly the balance is allowed.
    const exact = await importAs(
      accountant,
      'payments',
      'exact.csv',
      paymentsCsv(payment({ 指标编码: 'XM-2024-002', 支出类型: '项目支出', 金额: '600000.50', 发票号: 'E1' })),
    );
    expect(exact).toMatchObject({ status: 'done', createdRows: 1 });
    expect((await balances(t.deps.db))['PY-KGSX-01/XM-2024-002']).toBe('0');
  });

  it('units, lines and years the database does not have, and a file imported twice', async () => {
    const errors = await expectRefused(
      'payments',
      'db.csv',
      paymentsCsv(
        payment({ 单位编码: 'PY-XXXX', 发票号: 'N1' }),
        payment({ 单位编码: 'PY-CZJ', 发票号: 'N2' }),
        payment({ 指标编码: 'JB-2099', 发票号: 'N3' }),
        payment({ 发票号: 'N4', 支付日期: '2025-01-02' }),
        payment({ 金额: '0.01', 发票号: 'FP-0002', 收款人统一社会信用代码: '' }),
      ),
    );
    expect(errors).toEqual([
      { row: 2, column: '单位编码（A列）', message: '单位编码“PY-XXXX”在系统中不存在' },
      {
        row: 3,
        column: '单位编码（A列）',
        message: '单位“广州市番禺区财政局”（PY-CZJ）不在本次导入范围内：只能导入“广州市番禺区科技工业商务和信息化局”及其下级单位的数据',
      },
      {
        row: 4,
        column: '指标编码（B列）',
        message: '“番禺区科技创新服务中心（示例）”2024 年度没有指标编码为“JB-2099”的预算指标（年度取自支付日期 2024-03-05）',
      },
      {
        row: 5,
        column: '指标编码（B列）',
        message: '“番禺区科技创新服务中心（示例）”2025 年度没有指标编码为“JB-2024-001”的预算指标（年度取自支付日期 2025-01-02）',
      },
      {
        row: 6,
        column: '收款人（C列）、金额（E列）、发票号（F列）、支付日期（J列）',
        message: '系统中已有收款人、金额、发票号、支付日期都相同的支付记录，可能已经导入过',
      },
    ]);
    expect(await expectRefused('budget-lines', 'again.csv', BUDGET_FILE)).toHaveLength(6);
    expect(
      await expectRefused(
        'budget-lines',
        'years.csv',
        csv(BUDGET_HEADERS, [
          line('PY-KGSX-04', 'JB-1', '基本支出', '1', { 年度: '2031' }),
          line('PY-KGSX-04', 'XM-1', '项目支出', '1', { 项目编码: 'XM-NONE' }),
        ]),
      ),
    ).toEqual([
      { row: 2, column: '年度（B列）', message: '2031 年度尚未在系统中建立，请系统管理员先建立该预算年度' },
      { row: 3, column: '项目编码（G列）', message: '“番禺区信息化服务中心（示例）”2024 年度没有项目编码为“XM-NONE”的项目' },
    ]);
  });

  it('lists every kept problem in errors.xlsx (行号, 列, 说明)', async () => {
    const job = await importAs(
      accountant,
      'payments',
      'bad.csv',
      paymentsCsv(payment({ 金额: 'abc' }), payment({ 发票号: '', 支付日期: '' })),
    );
    const response = await as(t.app, accountant).get(`/api/ledger/import-jobs/${job.jobId}/errors.xlsx`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(response.rawPayload).slice().buffer);
    const values = book.worksheets[0]
      ?.getSheetValues()
      .slice(1)
      .map((row) => (Array.isArray(row) ? row.slice(1) : row));
    expect(values).toEqual([
      ['行号', '列', '说明'],
      [2, '金额（E列）', '应为金额（元），只填数字，如 1234.56；读到“abc”'],
      [3, '发票号（F列）', '必填，不能为空'],
      [3, '支付日期（J列）', '必填，不能为空'],
    ]);
  });
});

describe('who may import', () => {
  it('refuses users without the 财务审核 post over the organisation, and keeps jobs to those who may see them', async () => {
    // The department's preparer sees the unit but holds no import post there: 403 naming the post.
    const preparer = await login(t.app, 'preparer');
    const upload = multipart('p.csv', csv(PAYMENT_HEADERS, [payment()]));
    const before = await added();
    const refused = await as(t.app, preparer).post(
      `/api/ledger/import?kind=payments&organisationId=${unit01}`,
      upload.payload,
      upload.headers,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('此操作须由财务审核或系统管理员执行');
    // A unit's accountant cannot see the department above it: answered as an unknown organisation.
    const outOfScope = await as(t.app, unitAccountant).post(
      `/api/ledger/import?kind=payments&organisationId=${department}`,
      upload.payload,
      upload.headers,
    );
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().message).toBe('单位不存在或无权访问');
    const own = await importAs(accountant, 'payments', 'p.csv', csv(PAYMENT_HEADERS, [payment({ 金额: 'x' })]));
    const otherJob = await as(t.app, unitAccountant).get(`/api/ledger/import-jobs/${own.jobId}`);
    expect(otherJob.statusCode).toBe(404);
    expect(otherJob.json().message).toBe('导入任务不存在或无权访问');
    const admin = await login(t.app, 'admin');
    expect((await as(t.app, admin).get(`/api/ledger/import-jobs/${own.jobId}`)).statusCode).toBe(200);
    expect(await added()).toEqual(before);
  });
});

describe('a large file', () => {
  it('imports 20,000 generated payments in one transaction with exact totals', async () => {
    const count = 20_000;
    let expectedFen = 0;
    const rows = Array.from({ length: count }, (_, index) => {
      // Amounts from 0.01 to 4,999.99 yuan, exact in fen.
      const fen = 1 + ((index * 7_919) % 499_999);
      expectedFen += fen;
      const month = String((index % 12) + 1).padStart(2, '0');
      return payment({
        单位编码: 'PY-KGSX-03',
        指标编码: 'XM-2024-BIG',
        支出类型: '项目支出',
        收款人: `收款单位${index}`,
        收款人统一社会信用代码: '',
        金额: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
        发票号: `BIG-${index}`,
        支付日期: `2024-${month}-15`,
      });
    });
    const before = await ledgerTotals(t.deps.db);
    const job = await importAs(accountant, 'payments', 'big.csv', csv(PAYMENT_HEADERS, rows));
    expect(job).toMatchObject({ status: 'done', totalRows: count, processedRows: count, createdRows: count });
    const after = await ledgerTotals(t.deps.db);
    expect(after?.payments).toBe((before?.payments ?? 0) + count);
    expect(BigInt(after?.paidFen ?? '0') - BigInt(before?.paidFen ?? '0')).toBe(BigInt(expectedFen));
    expect((await balances(t.deps.db))['PY-KGSX-03/XM-2024-BIG']).toBe(String(10_000_000_000 - expectedFen));
  }, 120_000);
});

describe('jobs of an instance that stopped', () => {
  it('are failed at start-up once their heartbeat is missed, while a job still being touched is left running', async () => {
    const now = new Date('2025-03-01T10:00:00+08:00');
    const job = (filename: string) =>
      createImportJob(t.deps.db, { organisationId: department, kind: 'payments', filename, createdBy: accountant.userId });
    const [dead, alive, done] = [await job('dead.csv'), await job('alive.csv'), await job('done.csv')];
    const long = new Date(now.getTime() - IMPORT_STALE_AFTER_MS - 1);
    await t.deps.db.update(importJobs).set({ updatedAt: long, status: 'committing' }).where(eq(importJobs.id, dead.id));
    await t.deps.db.update(importJobs).set({ updatedAt: long }).where(eq(importJobs.id, alive.id));
    await t.deps.db.update(importJobs).set({ updatedAt: long, status: 'done' }).where(eq(importJobs.id, done.id));
    await touchImportJob(t.deps.db, alive.id, new Date(now.getTime() - 1000));
    await touchImportJob(t.deps.db, done.id, now);

    expect(await failStaleImportJobs(t.deps.db, now, IMPORT_STALE_AFTER_MS)).toBe(1);
    expect(await findImportJob(t.deps.db, dead.id)).toMatchObject({ status: 'failed', message: expect.stringContaining('服务重启') });
    expect((await findImportJob(t.deps.db, alive.id))?.status).toBe('validating');
    expect((await findImportJob(t.deps.db, done.id))?.updatedAt).toEqual(long);
  });
});
