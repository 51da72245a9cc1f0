import { DEFAULT_MANAGEMENT_CATALOGUE, parseWorkbook, type WorkbookJson, workbookJsonSchema } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NARRATIVE_CHOICES } from './labels.ts';
import {
  BASIC_SHEET,
  BUDGET_SHEET,
  GOALS_SHEET,
  INDICATORS_SHEET,
  KEY_VALUE_HEADERS,
  MANAGEMENT_AMOUNTS,
  MANAGEMENT_SHEET,
  NARRATIVE_HEADERS,
  SHEET,
} from './sheets.ts';
import { type ExampleName, exampleJson, issueLines, sheetOf, withoutEmpties } from './testing.ts';
import { formatXlsxIssue, readWorkbookXlsx, writeWorkbookTemplate, writeWorkbookXlsx } from './xlsx.ts';

async function roundTrip(json: WorkbookJson) {
  const result = await readWorkbookXlsx(await writeWorkbookXlsx(json));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  const direct = parseWorkbook(json);
  if (!direct.ok) throw new Error(JSON.stringify(direct.issues, null, 2));
  return { result, direct: direct.value };
}

async function openXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return book;
}

/** Every field the format has, so a column missing from sheets.ts shows up as a difference. */
function maximalWorkbook(): WorkbookJson {
  const project = exampleJson('project');
  const [first, ...rest] = project.indicators;
  if (!first) throw new Error('the project example has no indicators');
  return {
    ...project,
    scheme: {
      id: 'mof-2020-project',
      levelWeights: { output: '45', effect: '35', satisfaction: '10' },
      executionWeight: '10',
      options: {
        lessOrEqualVariant: 'deviation',
        equalsMode: 'exact',
        bandAchievedFloorPercent: 85,
        bandPartialFloorPercent: 50,
        overAchievementPercent: 150,
        executionReasonBelowPercent: 85,
        emptyLevel: 'zero',
        carryOverBase: 'budget',
      },
    },
    organisation: { ...project.organisation, subordinateUnitCount: 2, subordinateUnits: ['示例街道服务站', '示例园区服务站'] },
    goals: [{ id: 'G1', text: '全年举办培训班12期。', summary: '举办培训' }],
    indicators: [
      { ...first, lastYearActual: '11', declaredScore: '8.33', illustrative: false, notApplicable: false, targetText: '12期' },
      ...rest,
    ],
    budget: {
      ...project.budget,
      executionAdjustment: { score: '8.5', reason: '服务券兑付受政策调整影响' },
      illustrative: true,
    },
    management: [
      {
        code: 'carry-over-rate',
        amounts: { carryOverBalance: '270000.00' },
        target: '12.5',
        weight: '4',
        deviationReason: '年末集中兑付',
        adjustment: { score: '3', reason: '结转资金已于次年一季度支出' },
        note: '结转资金已安排',
        illustrative: true,
      },
      { code: 'fund-management', notApplicable: true, band: 'partial', score: '2.5', note: '资金管理基本规范' },
    ],
    declaredTotal: '88.67',
    narrative: {
      conclusion: '总体完成。',
      dutyIntro: '围绕培训任务设置指标。',
      management: '管理总体规范。',
      problems: ['问题一。', '问题二。'],
      measures: ['措施一。'],
    },
    notes: '示例。\n第二行说明。',
  };
}

describe('the .xlsx evaluation workbook', () => {
  it.each<ExampleName>(['panyu', 'project'])('round-trips the %s example: the same Workbook and the same JSON', async (name) => {
    const json = exampleJson(name);
    const { result, direct } = await roundTrip(json);
    expect(result.workbook.input).toEqual(direct.input);
    expect(result.workbook).toEqual(direct);
    expect(withoutEmpties(result.json)).toEqual(withoutEmpties(json));
  });

  it('carries every field of the format, scheme overrides included', async () => {
    const json = maximalWorkbook();
    const { result, direct } = await roundTrip(json);
    expect(result.workbook).toEqual(direct);
    expect(withoutEmpties(result.json)).toEqual(withoutEmpties(json));
  });

  it('has a cell for every field of the JSON Schema (fails when core adds a field the sheets lack)', () => {
    const mapped = new Set([
      // 资金来源 rows (budget.sources.<source>.<column>) are gathered into the array, which names each row's source.
      ...[BASIC_SHEET, BUDGET_SHEET].flatMap((sheet) =>
        sheet.rows.map((def) => def.field.replace(/^budget\.sources\.[^.]+\./, 'budget.sources[].')),
      ),
      'budget.sources[].source',
      ...[GOALS_SHEET, INDICATORS_SHEET, MANAGEMENT_SHEET].flatMap((sheet) =>
        // The amount columns are one open record in the schema, and so are an own item's amount names.
        sheet.columns.flatMap((def) =>
          def.field === null
            ? []
            : [`${sheet.arrayPath}[].${def.field.replace(/^amounts\..+$/, 'amounts.*').replace(/^own\.inputs\..+$/, 'own.inputs.*')}`],
        ),
      ),
      // An own item's formula is implied by its 分子 / 分母 columns.
      'management[].own.formula.numerator',
      'management[].own.formula.denominator',
      ...NARRATIVE_CHOICES.choices.map((choice) => `narrative.${choice.value}`),
    ]);
    const implicit = new Set(['$schema', 'format', 'version']);
    const leaves = schemaLeaves(workbookJsonSchema(), '').filter((path) => !implicit.has(path));
    expect(leaves.filter((path) => !mapped.has(path))).toEqual([]);
    expect([...mapped].filter((path) => !leaves.includes(path))).toEqual([]);
    expect(MANAGEMENT_AMOUNTS.map((amount) => amount.key)).toEqual([
      'carryOverBalance',
      'adjustmentAmount',
      'procurementActual',
      'procurementPlanned',
      'threePublicCurrent',
      'threePublicPrevious',
    ]);
  });

  it('writes money and values as text cells, exactly as in the JSON', async () => {
    const book = await openXlsx(await writeWorkbookXlsx(exampleJson('panyu')));
    const budget = sheetOf(book, SHEET.budget);
    expect(budget.getCell('B2').value).toBe('288000000.00');
    expect(budget.getCell('B2').numFmt).toBe('@');
    const indicators = sheetOf(book, SHEET.indicators);
    expect(indicators.getRow(5).values).toEqual([
      undefined,
      'G1-4',
      'G1',
      '产出',
      '时效',
      '补贴或奖励资金及时足额率',
      '≥',
      '90',
      '%',
      '95.47',
      '90%以上',
      '实际95.47%',
    ]);
    expect(indicators.getCell('G6').value).toBe('0');
    expect(indicators.getCell('I6').value).toBe('-4.53');
  });

  it('refuses to write what the .xlsx has no place for', async () => {
    const json = exampleJson('panyu');
    await expect(writeWorkbookXlsx({ ...json, management: [{ code: 'carry-over-rate', amounts: { other: '1.00' } }] })).rejects.toThrow(
      '管理效率“carry-over-rate”的金额项“other”不在管理效率目录中，.xlsx 没有对应的列',
    );
    await expect(
      writeWorkbookXlsx({ ...json, organisation: { ...json.organisation, subordinateUnits: ['甲、乙联合办公室'] } }),
    ).rejects.toThrow('“甲、乙联合办公室”含有分隔符（、，；），写入一个单元格后无法再拆分');
  });
});

describe('the blank template', () => {
  it('has the sheets in order, with their headers, text-formatted cells and the catalogue pre-filled', async () => {
    const book = await openXlsx(await writeWorkbookTemplate());
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      '填表说明',
      '基本信息',
      '绩效目标',
      '绩效指标',
      '预算执行',
      '管理效率',
      '报告文字',
    ]);
    const headers = (name: string) => {
      const values = sheetOf(book, name).getRow(1).values;
      return Array.isArray(values) ? values.slice(1) : [];
    };
    expect(headers(SHEET.basic)).toEqual([...KEY_VALUE_HEADERS]);
    expect(headers(SHEET.goals)).toEqual(['目标编号', '绩效目标', '目标简述']);
    expect(headers(SHEET.indicators)).toEqual([
      '指标编号',
      '所属目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '方向',
      '目标值',
      '计量单位',
      '实际完成值',
      '目标值表述',
      '完成值表述',
      '上年实际值',
      '分值',
      '不适用',
      '偏差原因',
      '数据来源',
      '定性档次',
      '定性得分',
      '调整后得分',
      '调整理由',
      '填报得分',
      '示例数据',
      '调整指标值',
      '调整指标值表述',
      '得分系数',
      '是否核心指标',
    ]);
    expect(headers(SHEET.budget)).toEqual([...KEY_VALUE_HEADERS]);
    expect(headers(SHEET.management)).toEqual([
      '编码',
      '名称',
      '结转结余总额',
      '预算调整数',
      '实际政府采购金额',
      '政府采购预算金额',
      '本年“三公”经费',
      '上年“三公”经费',
      '目标值',
      '分值',
      '不适用',
      '定性档次',
      '得分',
      '调整后得分',
      '调整理由',
      '偏差原因',
      '情况说明',
      '示例数据',
      '比率',
      '填报得分',
      '自设项目名称',
      '自设项目方向',
      '自设项目单位',
      '自设项目领域',
      '自设项目评分标准',
      '分子名称',
      '分子金额',
      '分母名称',
      '分母金额',
    ]);
    expect(headers(SHEET.narrative)).toEqual([...NARRATIVE_HEADERS]);

    const keys = (name: string) => sheetOf(book, name).getColumn(1).values.slice(2);
    expect(keys(SHEET.basic).slice(0, 15)).toEqual([
      '评价类型',
      '预算年度',
      '评分方案',
      '部门名称',
      '所属下级预算单位数量',
      '下级预算单位',
      '填报人',
      '联系电话',
      '填报日期',
      '项目名称',
      '项目编码',
      '项目类别',
      '实施单位',
      '填报总分',
      '说明',
    ]);
    expect(keys(SHEET.budget)).toEqual([
      '年初预算数',
      '上年结转',
      '全年预算数（调整后）',
      '全年执行数',
      '执行率偏低原因',
      '调整后得分',
      '调整理由',
      '示例数据',
      '预算执行率填报得分',
      '本年财政拨款·年初预算数',
      '本年财政拨款·全年预算数',
      '本年财政拨款·全年执行数',
      '财政专户管理资金·年初预算数',
      '财政专户管理资金·全年预算数',
      '财政专户管理资金·全年执行数',
      '单位资金·年初预算数',
      '单位资金·全年预算数',
      '单位资金·全年执行数',
      '其他资金·年初预算数',
      '其他资金·全年预算数',
      '其他资金·全年执行数',
    ]);

    const management = sheetOf(book, SHEET.management);
    expect(management.getColumn(1).values.slice(2)).toEqual(DEFAULT_MANAGEMENT_CATALOGUE.map((item) => item.code));
    expect(management.getColumn(2).values.slice(2)).toEqual(DEFAULT_MANAGEMENT_CATALOGUE.map((item) => item.name));
    expect(sheetOf(book, SHEET.narrative).getColumn(1).values.slice(2)).toEqual([
      '自评结论',
      '履职效能分析开头',
      '管理效率分析',
      '存在的主要问题',
      '存在的主要问题',
      '存在的主要问题',
      '下一步改进措施',
      '下一步改进措施',
      '下一步改进措施',
    ]);
    expect(sheetOf(book, SHEET.budget).getCell('B2').numFmt).toBe('@');
    expect(sheetOf(book, SHEET.indicators).getCell('G40').numFmt).toBe('@');
  });

  it('offers dropdowns with the Chinese labels', async () => {
    const book = await openXlsx(await writeWorkbookTemplate());
    const list = (sheet: string, address: string) => {
      const validation = sheetOf(book, sheet).getCell(address).dataValidation;
      return validation?.type === 'list' ? validation.formulae : undefined;
    };
    expect(list(SHEET.basic, 'B2')).toEqual(['"部门整体,项目支出"']);
    expect(list(SHEET.basic, 'B4')).toEqual(['"项目支出绩效自评（财预〔2020〕10号）,部门整体支出绩效自评"']);
    expect(list(SHEET.indicators, 'C2')).toEqual(['"产出,效益,满意度"']);
    expect(list(SHEET.indicators, 'D100')).toEqual(['"数量,质量,时效,成本,经济效益,社会效益,生态效益,可持续影响,服务对象满意度"']);
    expect(list(SHEET.indicators, 'F2')).toEqual(['"≥,>,≤,<,=,定性"']);
    expect(list(SHEET.indicators, 'N2')).toEqual(['"是,否"']);
    expect(list(SHEET.indicators, 'Q300')).toEqual(['"达成,部分达成,未达成"']);
    expect(list(SHEET.indicators, 'V2')).toEqual(['"是,否"']);
    expect(list(SHEET.indicators, 'G2')).toBeUndefined();
    expect(list(SHEET.budget, 'B9')).toEqual(['"是,否"']);
    expect(list(SHEET.management, 'L2')).toEqual(['"达成,部分达成,未达成"']);
    expect(list(SHEET.narrative, 'A2')).toEqual(['"自评结论,履职效能分析开头,管理效率分析,存在的主要问题,下一步改进措施"']);
  });

  it('reads back as a list of what must be filled in, not a crash', async () => {
    expect(await issueLines(await writeWorkbookTemplate())).toEqual([
      '基本信息!B2（评价类型）：必填，可选：部门整体、项目支出',
      '基本信息!B3（预算年度）：必填',
      '基本信息!B5（部门名称）：必填',
      '基本信息!B6（所属下级预算单位数量）：必填',
      '基本信息!B8（填报人）：必填',
      '基本信息!B9（联系电话）：必填',
      '基本信息!B10（填报日期）：必填',
      '绩效目标：没有填写任何一行（至少需要 1 行）',
      '绩效指标：没有填写任何一行（至少需要 1 行）',
      '预算执行!B2（年初预算数）：必填',
      '预算执行!B4（全年预算数（调整后））：必填',
      '预算执行!B5（全年执行数）：必填',
    ]);
  });
});

describe('formatXlsxIssue', () => {
  it.each([
    [{ sheet: '绩效指标', row: 5, column: 'G', header: '目标值', message: '应为数字' }, '绩效指标!G5（目标值）：应为数字'],
    [{ sheet: '绩效指标', row: 1, column: 'G', message: '不认识的列标题“目标”' }, '绩效指标!G1：不认识的列标题“目标”'],
    [{ sheet: '基本信息', header: '填报人', message: '表中缺少这一项；必填' }, '基本信息（填报人）：表中缺少这一项；必填'],
    [{ sheet: '报告文字', row: 3, message: '……' }, '报告文字 第 3 行：……'],
    [{ sheet: '预算执行', message: '缺少工作表“预算执行”' }, '预算执行：缺少工作表“预算执行”'],
    [{ sheet: '', message: '无法打开 .xlsx 文件' }, '无法打开 .xlsx 文件'],
  ])('%j', (issue, line) => {
    expect(formatXlsxIssue(issue)).toBe(line);
  });
});

/** Leaf paths of a JSON Schema: objects recurse, arrays of objects become `name[]`, open records `name.*`. */
function schemaLeaves(schema: unknown, path: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [path];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; additionalProperties?: unknown };
  if (node.properties) return Object.entries(node.properties).flatMap(([key, child]) => schemaLeaves(child, path ? `${path}.${key}` : key));
  if (typeof node.items === 'object' && node.items !== null && 'properties' in node.items) return schemaLeaves(node.items, `${path}[]`);
  if (typeof node.additionalProperties === 'object') return [`${path}.*`];
  return [path];
}
