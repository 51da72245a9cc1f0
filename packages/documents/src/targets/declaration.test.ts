import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxToPdfText, isLibreOfficeSkipped } from '../testing/libreoffice.ts';
import { writeDeclarationDocx } from './declaration-docx.ts';
import type { DeclarationSheet, DeclarationSheetLine } from './declaration-form.ts';
import { writeDeclarationXlsx } from './declaration-xlsx.ts';

const line = (over: Partial<DeclarationSheetLine>): DeclarationSheetLine => ({
  level1: 'output',
  level2: 'quantity',
  name: '服务企业数量',
  nature: 'quantitative',
  direction: '>=',
  target: '300',
  targetText: null,
  unit: '家',
  basis: 'history',
  basisText: '2025 年实际服务 286 家',
  dataSource: '服务台账',
  method: '统计服务台账中的企业户数',
  evidence: '服务台账、签到表',
  lastYearActual: '286',
  core: true,
  scoringRule: '达到目标值得满分，每少 10 家扣 1 分',
  weight: '20.00',
  ...over,
});

const SHEET: DeclarationSheet = {
  kind: 'project',
  fiscalYear: 2027,
  approved: true,
  statusLabel: '已批复',
  projectName: '中小企业数字化转型服务项目',
  projectCode: 'XM2027-008',
  department: '广州市番禺区科技工业商务和信息化局',
  implementingUnit: '番禺区中小企业服务中心（示例）',
  attribute: 'continuing',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  // 1,234,567.89 yuan: exactly 123.456789 万元, no rounding.
  funds: { totalFen: 123_456_789, fiscalFen: 100_000_000, otherFen: 23_456_789 },
  overallGoal: '推动辖区中小企业数字化转型，三年内服务企业不少于 900 家',
  annualGoals: [{ text: '全年为不少于 300 家中小企业提供数字化诊断与改造服务' }],
  indicators: [
    line({
      opinions: [{ stageLabel: '财政审核', verdictLabel: '修改后通过', text: '目标值偏低，建议不低于 320 家', actorName: '财政局' }],
    }),
    line({ level2: 'quality', name: '服务方案验收合格率', target: '95', unit: '%', core: false, scoringRule: null, weight: '10.00' }),
    line({ level1: 'satisfaction', level2: 'beneficiary', name: '服务企业满意度', target: '90', unit: '%', targetText: '≥90%' }),
  ],
  internal: {
    opinions: [{ stageLabel: '财政审核', verdictLabel: null, text: '总体同意，按意见修改', actorName: '财政局' }],
  },
};

async function cellsOf(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  const ws = book.worksheets[0];
  const cells: string[] = [];
  ws?.eachRow((row) => {
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) cells.push(String(cell.value ?? ''));
    });
  });
  return cells;
}

// LibreOffice on a busy two-core machine: the helper kills soffice after 240 s, the test gives up after 300.
const TIMEOUT_MS = 300_000;
const squash = (text: string) => text.replace(/\s+/gu, '');

describe('绩效目标申报表 (.xlsx)', () => {
  it('lays out the formal form: header, funds in exact 万元, goals, the indicator table, and no opinions', async () => {
    const cells = await cellsOf(await writeDeclarationXlsx({ ...SHEET, internal: undefined }));
    expect(cells.slice(0, 2)).toEqual(['项目支出绩效目标申报表', '（2027年度）']);
    for (const expected of [
      '项目名称',
      '中小企业数字化转型服务项目',
      'XM2027-008',
      '延续项目',
      '2027-01-01 至 2027-12-31',
      '资金情况（万元）',
      '123.456789',
      '100.00',
      '23.456789',
      '全年为不少于 300 家中小企业提供数字化诊断与改造服务',
      '设定依据',
      '历史标准：2025 年实际服务 286 家',
      '≥300',
      '≥90%',
      '服务对象满意度指标',
    ]) {
      expect(cells).toContain(expected);
    }
    expect(cells.join('|')).not.toMatch(/审核意见|320 家|草稿/u);
  });

  it('merges 一级指标 down its lines', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeDeclarationXlsx(SHEET)).buffer as ArrayBuffer);
    const ws = book.worksheets[0];
    const outputs: ExcelJS.Cell[] = [];
    ws?.eachRow((row) => {
      const cell = row.getCell(1);
      if (cell.value === '产出指标') outputs.push(cell);
    });
    // Two 产出 lines, one merged cell: the second row's cell points at the first.
    expect(outputs).toHaveLength(2);
    expect(outputs[1]?.master.address).toBe(outputs[0]?.address);
  });

  it('marks a draft and carries the opinions only on the internal copy', async () => {
    const cells = await cellsOf(await writeDeclarationXlsx({ ...SHEET, approved: false, statusLabel: '已退回' }));
    expect(cells[2]).toBe('草稿：当前状态“已退回”，未经批复，不作为正式申报表；内部审核稿，含审核意见，不对外提供');
    expect(cells).toContain('财政审核（财政局）：修改后通过，目标值偏低，建议不低于 320 家');
    expect(cells).toContain('财政审核（财政局）：总体同意，按意见修改');
  });

  it.skipIf(isLibreOfficeSkipped)(
    'opens in LibreOffice Calc',
    async () => {
      const text = squash(await docxToPdfText(await writeDeclarationXlsx({ ...SHEET, internal: undefined }), 'xlsx'));
      expect(['项目支出绩效目标申报表', '123.456789', '服务方案验收合格率'].filter((part) => !text.includes(part))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});

describe('绩效目标申报表 (.docx)', () => {
  it.skipIf(isLibreOfficeSkipped)(
    'opens in LibreOffice with the header, the funds in 万元, the indicators, and the 部门整体 title for a department',
    async () => {
      const text = squash(await docxToPdfText(await writeDeclarationDocx({ ...SHEET, internal: undefined })));
      const expected = ['项目支出绩效目标申报表（2027年度）', 'XM2027-008', '123.456789', '服务企业数量', '历史标准', '≥90%'];
      expect(expected.filter((part) => !text.includes(part))).toEqual([]);
      expect(text).not.toContain('审核意见');
      const draft = squash(
        await docxToPdfText(
          await writeDeclarationDocx({
            ...SHEET,
            kind: 'department',
            projectName: null,
            projectCode: null,
            approved: false,
            statusLabel: '草稿',
          }),
        ),
      );
      expect(
        ['部门整体支出绩效目标申报表（2027年度）', '草稿：当前状态“草稿”，未经批复', '审核意见', '总体同意，按意见修改'].filter(
          (part) => !draft.includes(part),
        ),
      ).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
