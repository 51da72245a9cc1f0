import { readFileSync } from 'node:fs';
import { evaluateWorkbook, parseWorkbook } from '@jixiao/core';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExampleName, editXlsx, exampleJson, issueLines, sheetOf } from './testing.ts';
import { readWorkbookXlsx, writeWorkbookXlsx } from './xlsx.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));

const written: Partial<Record<ExampleName, Uint8Array>> = {};
beforeAll(async () => {
  written.panyu = await writeWorkbookXlsx(exampleJson('panyu'));
  written.project = await writeWorkbookXlsx(exampleJson('project'));
});

function example(name: ExampleName): Uint8Array {
  const bytes = written[name];
  if (!bytes) throw new Error(`${name} was not written`);
  return bytes;
}

function expectedWorkbook(name: ExampleName) {
  const parsed = parseWorkbook(exampleJson(name));
  if (!parsed.ok) throw new Error(`${name} example is not valid`);
  return parsed.value;
}

/** Edits the Panyu workbook and returns what reading it says. */
async function panyuWith(edit: (book: ExcelJS.Workbook) => void): Promise<string[]> {
  return issueLines(await editXlsx(example('panyu'), edit));
}

describe('malformed workbooks are refused with the sheet, cell, header and reason', () => {
  it.each<[string, (book: ExcelJS.Workbook) => void, string[]]>([
    [
      'a renamed header',
      (book) => {
        sheetOf(book, '绩效指标').getCell('G1').value = '目标';
      },
      ['绩效指标（目标值）：缺少列“目标值”（第 1 行的列标题）', '绩效指标!G1：不认识的列标题“目标”，请改回模板中的列标题'],
    ],
    [
      'a renamed header of a key/value sheet',
      (book) => {
        sheetOf(book, '预算执行').getCell('B1').value = '数值';
      },
      ['预算执行!B1：列标题应为“内容”，读到“数值”'],
    ],
    [
      'a missing sheet, named once rather than field by field',
      (book) => book.removeWorksheet(sheetOf(book, '预算执行').id),
      ['预算执行：缺少工作表“预算执行”'],
    ],
    [
      'a renamed sheet',
      (book) => {
        sheetOf(book, '绩效指标').name = '指标';
      },
      ['绩效指标：缺少工作表“绩效指标”（工作簿中另有：指标）'],
    ],
    [
      'text in an amount',
      (book) => {
        sheetOf(book, '预算执行').getCell('B2').value = '一百万';
      },
      ['预算执行!B2（年初预算数）：应为金额（元），只填数字，如 1234.56；读到“一百万”'],
    ],
    [
      'amounts with three decimals, as text and as a number',
      (book) => {
        sheetOf(book, '预算执行').getCell('B5').value = '300800000.005';
        sheetOf(book, '管理效率').getCell('C3').value = 19200000.125;
      },
      [
        '预算执行!B5（全年执行数）：金额最多两位小数（元，精确到分），读到“300800000.005”；系统不做四舍五入，请核对后重填',
        '管理效率!C3（结转结余总额）：金额最多两位小数（元，精确到分），读到“19200000.125”；系统不做四舍五入，请核对后重填',
      ],
    ],
    [
      'a date that does not exist',
      (book) => {
        sheetOf(book, '基本信息').getCell('B10').value = '2025-06-31';
      },
      ['基本信息!B10（填报日期）：应为日期，如 2025-06-20 或 2025年6月20日；读到“2025-06-31”'],
    ],
    [
      'an unknown 方向 label',
      (book) => {
        sheetOf(book, '绩效指标').getCell('F5').value = '≈';
      },
      ['绩效指标!F5（方向）：不认识的方向“≈”，可选：≥、>、≤、<、=、定性'],
    ],
    [
      'a duplicate 指标编号',
      (book) => {
        sheetOf(book, '绩效指标').getCell('A3').value = 'G1-1';
      },
      ['绩效指标!A3（指标编号）：指标编号“G1-1”与第 2 行重复'],
    ],
    [
      'a level 2 outside its level 1',
      (book) => {
        sheetOf(book, '绩效指标').getCell('D4').value = '经济效益';
      },
      ['绩效指标!D4（二级指标）：二级指标“经济效益”不属于一级指标“产出”，产出下可选：数量、质量、时效、成本'],
    ],
    [
      'a target in words (core’s own message, put on its cell)',
      (book) => {
        sheetOf(book, '绩效指标').getCell('G5').value = '九十';
      },
      ['绩效指标!G5（目标值）：读到“九十”，应为数字，如 "23.39" 或 "-4.53"'],
    ],
    [
      'an adjusted score without its reason',
      (book) => {
        sheetOf(book, '绩效指标').getCell('S2').value = '5';
      },
      ['绩效指标!T2（调整理由）：必填'],
    ],
    [
      'an empty required cell',
      (book) => {
        sheetOf(book, '绩效指标').getCell('E3').value = null;
        sheetOf(book, '绩效目标').getCell('B2').value = ' ';
      },
      ['绩效目标!B2（绩效目标）：必填', '绩效指标!E3（三级指标）：必填'],
    ],
    [
      'a project evaluation without its project',
      (book) => {
        sheetOf(book, '基本信息').getCell('B2').value = '项目支出';
      },
      ['基本信息!B11（项目名称）：项目支出自评必须填写项目信息'],
    ],
    [
      'a deleted required row and an unknown one',
      (book) => {
        const basic = sheetOf(book, '基本信息');
        basic.spliceRows(8, 1);
        basic.getCell('A40').value = '负责人';
        basic.getCell('B40').value = '张三';
      },
      ['基本信息（填报人）：表中缺少这一项；必填', '基本信息!A40：不认识的项目“负责人”'],
    ],
    [
      'a 管理效率 名称 that contradicts its 编码',
      (book) => {
        sheetOf(book, '管理效率').getCell('B7').value = '采购管理';
      },
      ['管理效率!B7（名称）：名称“采购管理”与编码“fund-management”（资金管理）不符'],
    ],
    [
      'a number Excel could not keep exactly',
      (book) => {
        sheetOf(book, '预算执行').getCell('B3').value = { formula: 'B2*0.1', result: 28800000.000000004 };
      },
      ['预算执行!B3（上年结转）：数值超出 Excel 能精确保存的 15 位有效数字（读到 28800000.000000004），请把单元格设为文本格式后重新填写'],
    ],
    [
      'two 自评结论 and an unknown narrative category',
      (book) => {
        const narrative = sheetOf(book, '报告文字');
        narrative.getCell('A20').value = '自评结论';
        narrative.getCell('B20').value = '另一段结论。';
        narrative.getCell('A21').value = '经验做法';
        narrative.getCell('B21').value = '……';
        narrative.getCell('A22').value = null;
        narrative.getCell('B22').value = '没有类别的一段。';
      },
      [
        '报告文字!A20（类别）：“自评结论”只能填写一行，第 2 行已有',
        '报告文字!A21（类别）：不认识的类别“经验做法”，可选：自评结论、履职效能分析开头、管理效率分析、存在的主要问题、下一步改进措施',
        '报告文字!A22（类别）：必填，可选：自评结论、履职效能分析开头、管理效率分析、存在的主要问题、下一步改进措施',
      ],
    ],
  ])('%s', async (_, edit, expected) => {
    expect(await panyuWith(edit)).toEqual(expected);
  });

  it('collects every problem at once, in sheet and cell order', async () => {
    expect(await issueLines(fixture('many-problems.xlsx'))).toEqual([
      '基本信息!B3（预算年度）：应为整数，读到“二〇二四”',
      '基本信息!B10（填报日期）：应为日期，如 2025-06-20 或 2025年6月20日；读到“2025年2月30日”',
      '基本信息!A31：不认识的项目“负责人”',
      '绩效目标（目标简述）：缺少列“目标简述”（第 1 行的列标题）',
      '绩效目标!C1：不认识的列标题“简述”，请改回模板中的列标题',
      '绩效指标!X2：这一列没有列标题，内容未被读取',
      '绩效指标!A3（指标编号）：指标编号“O1”与第 2 行重复',
      '绩效指标!C4（一级指标）：不认识的一级指标“产出类”，可选：产出、效益、满意度',
      '绩效指标!D5（二级指标）：二级指标“社会效益”不属于一级指标“产出”，产出下可选：数量、质量、时效、成本',
      '绩效指标!F6（方向）：不认识的方向“≈”，可选：≥、>、≤、<、=、定性',
      '绩效指标!G7（目标值）：读到“九十”，应为数字，如 "23.39" 或 "-4.53"',
      '绩效指标!I8（实际完成值）：单元格为错误值 #DIV/0!',
      '绩效指标!N9（不适用）：应填“是”或“否”，读到“也许”',
      '绩效指标!S9（调整后得分）：必填',
      '预算执行!B2（年初预算数）：应为金额（元），只填数字，如 1234.56；读到“一百万”',
      '预算执行!B4（全年预算数（调整后））：数值超出 Excel 能精确保存的 15 位有效数字（读到 0.30000000000000004），请把单元格设为文本格式后重新填写',
      '预算执行!B5（全年执行数）：金额最多两位小数（元，精确到分），读到“1530000.005”；系统不做四舍五入，请核对后重填',
      '报告文字!A5（类别）：“自评结论”只能填写一行，第 2 行已有',
      '报告文字!A6（类别）：不认识的类别“经验做法”，可选：自评结论、履职效能分析开头、管理效率分析、存在的主要问题、下一步改进措施',
    ]);
  });

  it('names each missing sheet once when sheets were copied into a new file', async () => {
    expect(await issueLines(fixture('two-sheets-only.xlsx'))).toEqual([
      '绩效目标：缺少工作表“绩效目标”（工作簿中另有：Sheet2）',
      '绩效指标：缺少工作表“绩效指标”（工作簿中另有：Sheet2）',
      '预算执行：缺少工作表“预算执行”（工作簿中另有：Sheet2）',
      '管理效率：缺少工作表“管理效率”（工作簿中另有：Sheet2）',
    ]);
  });

  it('refuses a file that is not a complete .xlsx', async () => {
    const [line, ...rest] = await issueLines(fixture('truncated.xlsx'));
    expect(line).toMatch(/^无法打开 \.xlsx 文件（文件损坏或不是 Excel 工作簿）：/);
    expect(rest).toEqual([]);
    expect(await issueLines(new TextEncoder().encode('{"format": "jixiao-evaluation-workbook"}'))).toHaveLength(1);
  });

  it('gives paths alongside the cells, for programs', async () => {
    const result = await readWorkbookXlsx(
      await editXlsx(example('panyu'), (book) => {
        sheetOf(book, '绩效指标').getCell('G5').value = '九十';
      }),
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          sheet: '绩效指标',
          row: 5,
          column: 'G',
          header: '目标值',
          path: 'indicators[3].target',
          message: '读到“九十”，应为数字，如 "23.39" 或 "-4.53"',
        },
      ],
    });
  });
});

describe('what a real spreadsheet leaves behind is still read exactly', () => {
  it('reads numbers, dates, percentages, formulas, codes, variants and blank rows as the same workbook', async () => {
    const result = await readWorkbookXlsx(fixture('typed-by-hand.xlsx'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.workbook).toEqual(expectedWorkbook('panyu'));
  });

  it('skips blank rows and the unfilled 管理效率 rows of a template', async () => {
    const bytes = await editXlsx(example('project'), (book) => {
      sheetOf(book, '绩效指标').spliceRows(4, 0, [], [' ']);
      const management = sheetOf(book, '管理效率');
      management.getCell('A2').value = 'fund-management';
      management.getCell('B2').value = '资金管理';
    });
    const result = await readWorkbookXlsx(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.workbook).toEqual(expectedWorkbook('project'));
  });

  it('reads each row of vertically merged cells as the merged value', async () => {
    const bytes = await editXlsx(example('panyu'), (book) => {
      const indicators = sheetOf(book, '绩效指标');
      indicators.mergeCells('C2:C3');
      indicators.mergeCells('D2:D3');
    });
    const result = await readWorkbookXlsx(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.workbook).toEqual(expectedWorkbook('panyu'));
  });

  it('takes 管理效率 编码 from 名称 when only the name is filled', async () => {
    const bytes = await editXlsx(example('panyu'), (book) => {
      const management = sheetOf(book, '管理效率');
      management.getCell('A7').value = null;
      management.getCell('B7').value = '资金管理';
    });
    const result = await readWorkbookXlsx(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.workbook).toEqual(expectedWorkbook('panyu'));
  });

  it('does not refuse a qualitative score outside its band: that is the scorer’s finding', async () => {
    const bytes = await editXlsx(example('panyu'), (book) => {
      sheetOf(book, '绩效指标').getCell('R13').value = '0.5';
    });
    const result = await readWorkbookXlsx(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.json.indicators[11]).toMatchObject({ id: 'G2-7', band: 'achieved', qualitativeScore: '0.5' });
    const codes = evaluateWorkbook(result.workbook).evaluation.findings.map((finding) => finding.code);
    expect(codes).toContain('BAND_SCORE_OUT_OF_RANGE');
  });
});
