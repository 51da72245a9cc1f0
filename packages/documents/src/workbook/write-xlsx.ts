import { DEFAULT_MANAGEMENT_CATALOGUE, WORKBOOK_FORMAT, WORKBOOK_VERSION, type WorkbookJson } from '@jixiao/core';
import ExcelJS, { type Cell, type DataValidation } from 'exceljs';
import { LIST_SEPARATORS } from './cells.ts';
import { getPath } from './json-path.ts';
import { type ChoiceSet, labelOf, labelsOf, NARRATIVE_CHOICES, type NarrativeCategory } from './labels.ts';
import {
  BASIC_SHEET,
  BLANK_ROWS_WITH_DROPDOWNS,
  BUDGET_SHEET,
  type ColumnDef,
  type FieldType,
  GOALS_SHEET,
  INDICATORS_SHEET,
  KEY_VALUE_HEADERS,
  type KeyValueSheetDef,
  MANAGEMENT_AMOUNTS,
  MANAGEMENT_SHEET,
  NARRATIVE_HEADERS,
  SHEET,
  type TableSheetDef,
} from './sheets.ts';

/** Excel's text format: what is typed stays text, so 0.10 stays "0.10" and 020-… keeps its zero. */
const TEXT_FORMAT = '@';

const REQUIRED_FILL = 'FFFCE4D6';
const OPTIONAL_FILL = 'FFDDEBF7';
const HINT_COLOUR = 'FF7F7F7F';

/** A blank workbook to fill in: headers, instructions, dropdowns, and one 管理效率 row per catalogue item. */
export async function writeWorkbookTemplate(): Promise<Uint8Array> {
  return render(undefined);
}

/**
 * The workbook filled from its JSON form. Every value is written as a text cell, so money and
 * decimals come back exactly as they went in. Throws when the JSON holds something the .xlsx has no
 * place for (an amount key outside the 管理效率 catalogue, a unit name containing 、): that is a
 * programming error upstream, and writing the file anyway would lose it silently.
 */
export async function writeWorkbookXlsx(json: WorkbookJson): Promise<Uint8Array> {
  return render(json);
}

async function render(json: WorkbookJson | undefined): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  book.subject = `${WORKBOOK_FORMAT} v${WORKBOOK_VERSION}`;
  addInstructionsSheet(book);
  addKeyValueSheet(book, BASIC_SHEET, json);
  addTableSheet(book, GOALS_SHEET, json?.goals ?? []);
  addTableSheet(book, INDICATORS_SHEET, json?.indicators ?? []);
  addKeyValueSheet(book, BUDGET_SHEET, json && budgetView(json));
  addTableSheet(book, MANAGEMENT_SHEET, managementRows(json));
  addNarrativeSheet(book, json);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * A department workbook lists every catalogue item so the preparer sees what is scored; entries the
 * JSON lacks get a row with only 编码 and 名称, which the reader skips as unfilled. A project has
 * no 管理效率, so its sheet keeps only what the JSON has.
 */
/** The budget sheet lists 资金来源 by source; the JSON lists them as an array. */
function budgetView(json: WorkbookJson): WorkbookJson {
  const sources = json.budget.sources;
  if (!sources) return json;
  const bySource = Object.fromEntries(sources.map(({ source, ...row }) => [source, row]));
  return { ...json, budget: { ...json.budget, sources: bySource as unknown as typeof sources } };
}

type ManagementJson = NonNullable<WorkbookJson['management']>[number];

/** An own item's formula goes to the 分子 / 分母 columns, whatever its amounts are called in the JSON. */
function ownFormulaView(entry: ManagementJson): ManagementJson {
  const formula = entry.own?.formula;
  if (!entry.own || !formula) return entry;
  const { [formula.numerator]: numerator, [formula.denominator]: denominator, ...others } = entry.amounts ?? {};
  if (formula.denominator.startsWith('budget:') || Object.keys(others).length > 0) {
    throw new Error(`自设管理效率“${entry.code}”的公式只能是两项金额之比（分子金额 ÷ 分母金额），.xlsx 没有其他写法`);
  }
  const labels = entry.own.inputs ?? {};
  return {
    ...entry,
    amounts: { numerator, denominator } as Record<string, string>,
    own: {
      ...entry.own,
      formula: { numerator: 'numerator', denominator: 'denominator' },
      inputs: {
        numerator: labels[formula.numerator] ?? formula.numerator,
        denominator: labels[formula.denominator] ?? formula.denominator,
      },
    },
  };
}

function managementRows(json: WorkbookJson | undefined): readonly unknown[] {
  const catalogueRows = (codes: ReadonlySet<string>) =>
    DEFAULT_MANAGEMENT_CATALOGUE.filter((item) => !codes.has(item.code)).map((item) => ({ code: item.code }));
  if (!json) return catalogueRows(new Set());
  const entries = (json.management ?? []).map(ownFormulaView);
  for (const entry of entries) {
    for (const key of Object.keys(entry.amounts ?? {})) {
      if (!MANAGEMENT_AMOUNTS.some((amount) => amount.key === key) && !(entry.own?.formula && OWN_AMOUNT_KEYS.has(key))) {
        throw new Error(`管理效率“${entry.code}”的金额项“${key}”不在管理效率目录中，.xlsx 没有对应的列`);
      }
    }
  }
  return json.kind === 'department' ? [...entries, ...catalogueRows(new Set(entries.map((entry) => entry.code)))] : entries;
}

const OWN_AMOUNT_KEYS: ReadonlySet<string> = new Set(['numerator', 'denominator']);

function cellText(value: unknown, type: FieldType): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (type.kind) {
    case 'choice':
      return labelOf(type.choices, value as string | boolean) ?? String(value);
    case 'list': {
      const items = value as readonly string[];
      const joined = items.find((item) => LIST_SEPARATORS.test(item));
      if (joined !== undefined) throw new Error(`“${joined}”含有分隔符（、，；），写入一个单元格后无法再拆分`);
      return items.length ? items.join('、') : undefined;
    }
    case 'scales': {
      // JSON holds scales as lists or as "高>较高>一般>低" texts; one cell holds them all.
      if (typeof value === 'string') return value;
      const scales = value as readonly (string | readonly string[])[];
      return scales.map((scale) => (typeof scale === 'string' ? scale : scale.join('>'))).join('；') || undefined;
    }
    default:
      return String(value);
  }
}

function writeText(cell: Cell, text: string | undefined): void {
  cell.numFmt = TEXT_FORMAT;
  if (text !== undefined) cell.value = text;
}

function styleHeader(cell: Cell, required: boolean): void {
  cell.font = { bold: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: required ? REQUIRED_FILL : OPTIONAL_FILL } };
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  cell.border = { bottom: { style: 'thin' } };
}

/** The dropdown of a choice column. A warning, not a stop: the reader also accepts codes and variants (>=, 产出指标). */
function dropdown(choices: ChoiceSet<string | boolean>, prompt: string): DataValidation {
  const labels = labelsOf(choices);
  const list = labels.join(',');
  // A literal list is limited to 255 characters and cannot contain its own separator or quotes.
  if (list.length > 255 || labels.some((label) => /[,"]/.test(label))) throw new Error(`下拉列表“${choices.name}”无法写成列表`);
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: choices.name,
    error: `请从下拉列表中选择：${labels.join('、')}`,
    showInputMessage: true,
    promptTitle: choices.name,
    prompt: prompt.slice(0, 255),
  };
}

const isLong = (def: ColumnDef) => def.type.kind === 'long-text';

function addTableSheet(book: ExcelJS.Workbook, sheet: TableSheetDef, rows: readonly unknown[]): void {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns.forEach((def, index) => {
    const column = ws.getColumn(index + 1);
    column.width = def.width ?? 12;
    column.numFmt = TEXT_FORMAT;
    column.alignment = { vertical: 'top', wrapText: isLong(def) };
    const header = ws.getCell(1, index + 1);
    header.value = def.label;
    header.note = def.hint;
    styleHeader(header, def.required ?? false);
  });
  ws.getRow(1).height = 30;
  rows.forEach((row, index) => {
    sheet.columns.forEach((def, columnIndex) => {
      const value = def.field === null ? catalogueName(row) : cellText(getPath(row, def.field), def.type);
      writeText(ws.getCell(index + 2, columnIndex + 1), value);
    });
  });
  sheet.columns.forEach((def, columnIndex) => {
    if (def.type.kind !== 'choice') return;
    const validation = dropdown(def.type.choices, def.hint);
    for (let row = 2; row <= rows.length + 1 + BLANK_ROWS_WITH_DROPDOWNS; row += 1)
      ws.getCell(row, columnIndex + 1).dataValidation = validation;
  });
}

function catalogueName(row: unknown): string | undefined {
  const code = getPath(row, 'code');
  return DEFAULT_MANAGEMENT_CATALOGUE.find((item) => item.code === code)?.name;
}

function addKeyValueSheet(book: ExcelJS.Workbook, sheet: KeyValueSheetDef, json: WorkbookJson | undefined): void {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [26, 60, 50];
  KEY_VALUE_HEADERS.forEach((label, index) => {
    const column = ws.getColumn(index + 1);
    column.width = widths[index];
    column.numFmt = TEXT_FORMAT;
    column.alignment = { vertical: 'top', wrapText: true };
    styleHeader(ws.getCell(1, index + 1), index < 2);
    ws.getCell(1, index + 1).value = label;
  });
  sheet.rows.forEach((def, index) => {
    const row = index + 2;
    const key = ws.getCell(row, 1);
    key.value = def.label;
    key.font = { bold: true, color: def.required ? { argb: 'FFC00000' } : undefined };
    writeText(ws.getCell(row, 2), cellText(json === undefined ? undefined : getPath(json, def.field), def.type));
    const hint = ws.getCell(row, 3);
    hint.value = def.required ? `必填。${def.hint}` : def.hint;
    hint.font = { color: { argb: HINT_COLOUR } };
    if (def.type.kind === 'choice') ws.getCell(row, 2).dataValidation = dropdown(def.type.choices, def.hint);
  });
}

/** Template rows: one of each single paragraph and three of each list, so the preparer sees the shape. */
const TEMPLATE_NARRATIVE: readonly NarrativeCategory[] = [
  'conclusion',
  'dutyIntro',
  'management',
  'problems',
  'problems',
  'problems',
  'measures',
  'measures',
  'measures',
];

function narrativeRows(json: WorkbookJson | undefined): [NarrativeCategory, string | undefined][] {
  if (!json) return TEMPLATE_NARRATIVE.map((category) => [category, undefined]);
  const narrative = json.narrative ?? {};
  const single = (['conclusion', 'dutyIntro', 'management'] as const).flatMap((category): [NarrativeCategory, string][] => {
    const text = narrative[category];
    return text ? [[category, text]] : [];
  });
  const lists = (['problems', 'measures'] as const).flatMap((category) =>
    (narrative[category] ?? []).map((text): [NarrativeCategory, string] => [category, text]),
  );
  return [...single, ...lists];
}

function addNarrativeSheet(book: ExcelJS.Workbook, json: WorkbookJson | undefined): void {
  const ws = book.addWorksheet(SHEET.narrative, { views: [{ state: 'frozen', ySplit: 1 }] });
  [18, 100].forEach((width, index) => {
    const column = ws.getColumn(index + 1);
    column.width = width;
    column.numFmt = TEXT_FORMAT;
    column.alignment = { vertical: 'top', wrapText: true };
  });
  NARRATIVE_HEADERS.forEach((label, index) => {
    const cell = ws.getCell(1, index + 1);
    cell.value = label;
    styleHeader(cell, false);
  });
  ws.getCell(1, 1).note = `${labelsOf(NARRATIVE_CHOICES).join('、')}；存在的主要问题、下一步改进措施每条一行`;
  const rows = narrativeRows(json);
  rows.forEach(([category, text], index) => {
    writeText(ws.getCell(index + 2, 1), labelOf(NARRATIVE_CHOICES, category));
    writeText(ws.getCell(index + 2, 2), text);
  });
  const validation = dropdown(NARRATIVE_CHOICES, '存在的主要问题、下一步改进措施每条一行；其余各类只填一行');
  for (let row = 2; row <= rows.length + 1 + BLANK_ROWS_WITH_DROPDOWNS; row += 1) ws.getCell(row, 1).dataValidation = validation;
}

function tableLines(sheet: TableSheetDef): [string, ColumnDef, string][] {
  return sheet.columns.map((def) => [sheet.name, def, def.field === null ? '—' : `${sheet.arrayPath}[].${def.field}`]);
}

const GENERAL_RULES: readonly string[] = [
  '本工作簿与 JSON 格式的自评工作簿（jixiao-evaluation-workbook，第 1 版）一一对应，可用 jixiao check / jixiao evaluate 读取。',
  '工作表名称、第 1 行列标题和“项目”列的文字请勿修改；可以增加行，空行会被跳过。',
  '单元格已设为文本格式：金额、数值请直接输入，如 288000000.00、23.39，系统按原样精确读取，不做四舍五入。',
  '金额单位一律为元，最多两位小数；指标的 万元、亿元 等单位写在“计量单位”列。',
  '日期填写为 2025-06-20 或 2025年6月20日。',
  '带下拉列表的列请从列表中选择；是/否 列填“是”或留空。',
  '橙色列标题或红色项目为必填；鼠标停在列标题上可看到说明。',
  '管理效率表已按目录预填编码和名称，只填了编码和名称的行视为未填写；项目支出自评不需要填写管理效率。',
];

function addInstructionsSheet(book: ExcelJS.Workbook): void {
  const ws = book.addWorksheet(SHEET.instructions);
  [14, 24, 60, 40].forEach((width, index) => {
    const column = ws.getColumn(index + 1);
    column.width = width;
    column.alignment = { vertical: 'top', wrapText: true };
  });
  ws.getCell(1, 1).value = '绩效自评工作簿 填表说明';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { vertical: 'middle', wrapText: false };
  GENERAL_RULES.forEach((rule, index) => {
    ws.mergeCells(index + 2, 1, index + 2, 4);
    ws.getCell(index + 2, 1).value = `${index + 1}. ${rule}`;
  });
  const tableStart = GENERAL_RULES.length + 3;
  ['工作表', '列 / 项目', '说明', 'JSON 字段'].forEach((label, index) => {
    const cell = ws.getCell(tableStart, index + 1);
    cell.value = label;
    styleHeader(cell, false);
  });
  const keyValueLines = (sheet: KeyValueSheetDef) => sheet.rows.map((def): [string, ColumnDef, string] => [sheet.name, def, def.field]);
  const lines: [string, ColumnDef, string][] = [
    ...keyValueLines(BASIC_SHEET),
    ...[GOALS_SHEET, INDICATORS_SHEET].flatMap(tableLines),
    ...keyValueLines(BUDGET_SHEET),
    ...tableLines(MANAGEMENT_SHEET),
  ];
  lines.forEach(([sheet, def, path], index) => {
    const row = tableStart + 1 + index;
    ws.getCell(row, 1).value = sheet;
    ws.getCell(row, 2).value = def.label;
    ws.getCell(row, 3).value = def.required ? `必填。${def.hint}` : def.hint;
    ws.getCell(row, 4).value = path;
  });
  const narrativeRow = tableStart + 1 + lines.length;
  ws.getCell(narrativeRow, 1).value = SHEET.narrative;
  ws.getCell(narrativeRow, 2).value = NARRATIVE_HEADERS.join(' | ');
  ws.getCell(narrativeRow, 3).value = `类别：${labelsOf(NARRATIVE_CHOICES).join('、')}；存在的主要问题、下一步改进措施每条一行`;
  ws.getCell(narrativeRow, 4).value = 'narrative.*';
}
