import {
  DEFAULT_MANAGEMENT_CATALOGUE,
  type FieldIssue,
  FUNDING_COLUMNS,
  FUNDING_SOURCES,
  LEVEL2_OF,
  type Level1,
  type Level2,
  parseWorkbook,
  toHalfWidth,
  WORKBOOK_FORMAT,
  WORKBOOK_VERSION,
  type Workbook,
  type WorkbookJson,
} from '@jixiao/core';
import ExcelJS, { type Worksheet } from 'exceljs';
import {
  type CellContent,
  type Converted,
  cellContent,
  readDate,
  readDecimal,
  readInteger,
  readList,
  readMoney,
  readPoints,
  readText,
} from './cells.ts';
import type { XlsxIssue } from './issues.ts';
import { type JsonObject, setPath, splitPath } from './json-path.ts';
import {
  type ChoiceSet,
  findChoice,
  labelOf,
  labelsOf,
  level1Label,
  level2Label,
  level2LabelsUnder,
  NARRATIVE_CHOICES,
  type NarrativeCategory,
  YES_NO_CHOICES,
} from './labels.ts';
import { normaliseXlsxPackage } from './normalise-package.ts';
import {
  BASIC_SHEET,
  BUDGET_SHEET,
  type ColumnDef,
  type FieldType,
  fundingField,
  GOALS_SHEET,
  INDICATORS_SHEET,
  KEY_VALUE_HEADERS,
  type KeyValueSheetDef,
  MANAGEMENT_NAME_HEADER,
  MANAGEMENT_SHEET,
  NARRATIVE_HEADERS,
  SHEET,
  SHEET_OF_ROOT,
  SHEET_ORDER,
  type TableSheetDef,
} from './sheets.ts';

export type XlsxReadResult = { ok: true; json: WorkbookJson; workbook: Workbook } | { ok: false; issues: XlsxIssue[] };

/**
 * Reads an .xlsx evaluation workbook in two steps (style.md rule 10): the sheets become the JSON
 * form plus a map from every JSON path to its cell, then core's `parseWorkbook` validates that JSON
 * and each of its issues is put back on its cell. Problems only the sheets can see (a missing sheet
 * or column, an unknown dropdown label, “一百万” in an amount) are found in the first step. Every
 * problem is collected; any problem means no workbook.
 */
export async function readWorkbookXlsx(bytes: Uint8Array): Promise<XlsxReadResult> {
  const book = new ExcelJS.Workbook();
  try {
    const normalised = await normaliseXlsxPackage(bytes);
    await book.xlsx.load(normalised.slice().buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ sheet: '', message: `无法打开 .xlsx 文件（文件损坏或不是 Excel 工作簿）：${detail}` }] };
  }
  const reading = new Reading();
  const json = readSheets(reading, book);
  const parsed = parseWorkbook(json);
  const coreIssues = parsed.ok
    ? []
    : parsed.issues.filter((issue) => !reading.isExplained(issue.path)).map((issue) => reading.locate(issue));
  const issues = [...reading.issues, ...coreIssues];
  if (!parsed.ok || issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  // parseWorkbook accepted this object, so it is a WorkbookJson.
  return { ok: true, json: json as WorkbookJson, workbook: parsed.value };
}

interface Place {
  readonly sheet: string;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
}

/** Where a JSON path came from; `blank` is set for a single cell (or a key/value row) that was empty. */
interface Source extends Place {
  readonly blank?: { readonly type: FieldType; readonly isRowMissing: boolean };
}

/** What one read collects: sheet-level issues, the path → cell map, and which core messages those issues already explain. */
class Reading {
  readonly issues: XlsxIssue[] = [];
  readonly sources = new Map<string, Source>();
  /** Paths (an index may be written [*]) whose own core message would repeat a sheet-level one. */
  private readonly explainedPaths = new Set<string>();
  /** Roots of a missing sheet: nothing below them can be located or fixed separately. */
  private readonly explainedTrees = new Set<string>();

  refuse(place: Place, message: string, path?: string): void {
    this.issues.push(path === undefined ? { ...place, message } : { ...place, path, message });
    if (path !== undefined) this.explainedPaths.add(path);
  }

  explain(path: string): void {
    this.explainedPaths.add(path);
  }

  explainTree(root: string): void {
    this.explainedTrees.add(root);
  }

  isExplained(path: string): boolean {
    if (this.explainedPaths.has(path) || this.explainedPaths.has(path.replaceAll(/\[\d+\]/g, '[*]'))) return true;
    const root = splitPath(path)[0];
    return typeof root === 'string' && this.explainedTrees.has(root);
  }

  /** Puts a core issue on its cell with only its reason: the sheet, row and header already name the indicator and the field. */
  locate(issue: FieldIssue): XlsxIssue {
    const segments = splitPath(issue.path);
    let message = issue.reason ?? issue.message;
    const exact = this.sources.get(issue.path);
    if (exact?.blank) message = requiredMessage(exact.blank.type, exact.blank.isRowMissing);
    const { sheet, row, column, header } = exact ?? this.nearestSource(segments);
    return { sheet, row, column, header, path: issue.path, message };
  }

  private nearestSource(segments: readonly (string | number)[]): Source {
    for (let length = segments.length - 1; length > 0; length -= 1) {
      const source = this.sources.get(joinPath(segments.slice(0, length)));
      if (source) return source;
    }
    const root = segments[0];
    return { sheet: typeof root === 'string' ? (SHEET_OF_ROOT[root] ?? '') : '' };
  }
}

function joinPath(segments: readonly (string | number)[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** A blank cell can only be wrong by being blank; core's wording for that varies by type (an enum lists its codes), so it is said once here. */
function requiredMessage(type: FieldType, isRowMissing: boolean): string {
  const choices = type.kind === 'choice' ? `，可选：${labelsOf(type.choices).join('、')}` : '';
  return isRowMissing ? `表中缺少这一项；必填${choices}` : `必填${choices}`;
}

function sortIssues(issues: XlsxIssue[]): XlsxIssue[] {
  const sheetIndex = (sheet: string) => (sheet ? SHEET_ORDER.indexOf(sheet) : -1);
  const columnNumber = (letter = '') => [...letter].reduce((sum, ch) => sum * 26 + ch.charCodeAt(0) - 64, 0);
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        sheetIndex(a.issue.sheet) - sheetIndex(b.issue.sheet) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        columnNumber(a.issue.column) - columnNumber(b.issue.column) ||
        a.order - b.order,
    )
    .map(({ issue }) => issue);
}

// ── Step 1: sheets → JSON ─────────────────────────────────────────────────────────────────────────

function readSheets(reading: Reading, book: ExcelJS.Workbook): JsonObject {
  const find = (name: string) => book.worksheets.find((ws) => ws.name.trim() === name);
  const known = new Set<string>(SHEET_ORDER);
  const strangers = book.worksheets.map((ws) => ws.name).filter((name) => !known.has(name.trim()));
  const sheet = (name: string, roots: readonly string[]): Worksheet | undefined => {
    const ws = find(name);
    if (ws) return ws;
    const others = strangers.length ? `（工作簿中另有：${strangers.join('、')}）` : '';
    reading.refuse({ sheet: name }, `缺少工作表“${name}”${others}`);
    for (const root of roots) reading.explainTree(root);
    return undefined;
  };
  const basicRoots = Object.keys(SHEET_OF_ROOT).filter((root) => SHEET_OF_ROOT[root] === SHEET.basic);

  const root: JsonObject = {};
  const basic = sheet(SHEET.basic, basicRoots);
  if (basic) readKeyValue(reading, basic, BASIC_SHEET, root);
  const projectName = reading.sources.get('project.name');
  // “项目支出自评必须填写项目信息” is about the project as a whole; its natural cell is 项目名称.
  if (projectName) reading.sources.set('project', { ...projectName, blank: undefined });
  const goals = readTableSheet(reading, sheet(SHEET.goals, ['goals']), GOALS_SHEET);
  const indicators = readTableSheet(reading, sheet(SHEET.indicators, ['indicators']), INDICATORS_SHEET);
  const budget = sheet(SHEET.budget, ['budget']);
  if (budget) readKeyValue(reading, budget, BUDGET_SHEET, root);
  gatherFundingSources(reading, root);
  const management = readTableSheet(reading, sheet(SHEET.management, ['management']), MANAGEMENT_SHEET);
  const narrativeSheet = find(SHEET.narrative);
  const narrative = narrativeSheet ? readNarrative(reading, narrativeSheet) : { problems: [], measures: [] };

  const json: JsonObject = { format: WORKBOOK_FORMAT, version: WORKBOOK_VERSION };
  for (const key of ['kind', 'fiscalYear', 'scheme']) if (root[key] !== undefined) json[key] = root[key];
  // Always present, so a blank sheet yields one “必填” per field rather than one for the whole object.
  json.organisation = root.organisation ?? {};
  if (root.project !== undefined) json.project = root.project;
  json.goals = goals;
  json.indicators = indicators;
  json.budget = root.budget ?? {};
  json.management = management;
  if (root.declaredTotal !== undefined) json.declaredTotal = root.declaredTotal;
  json.narrative = narrative;
  if (root.notes !== undefined) json.notes = root.notes;
  return json;
}

function cellAt(ws: Worksheet, row: number, column: number): CellContent {
  const cell = ws.getCell(row, column);
  return cellContent(cell.value, cell.numFmt);
}

function letter(ws: Worksheet, column: number): string {
  return ws.getColumn(column).letter;
}

function convert(content: CellContent, type: FieldType): Converted<unknown> {
  switch (type.kind) {
    case 'text':
    case 'long-text':
    case 'scales':
      return readText(content);
    case 'money':
      return readMoney(content);
    case 'decimal':
      return readDecimal(content);
    case 'points':
      return readPoints(content);
    case 'integer':
      return readInteger(content);
    case 'date':
      return readDate(content);
    case 'list':
      return readList(content);
    case 'choice':
      return readChoice(content, type.choices);
  }
}

function readChoice(content: CellContent, choices: ChoiceSet<string | boolean>): Converted<string | boolean> {
  const isYesNo = choices === YES_NO_CHOICES;
  if (content.kind === 'boolean' && isYesNo) return { ok: true, value: content.value };
  const text = readText(content);
  if (!text.ok || text.value === undefined) return text;
  const value = findChoice(choices, text.value);
  if (value !== undefined) return { ok: true, value };
  return {
    ok: false,
    message: isYesNo
      ? `应填“是”或“否”，读到“${text.value}”`
      : `不认识的${choices.name}“${text.value}”，可选：${labelsOf(choices).join('、')}`,
  };
}

/** Headers and keys compare without spaces, in half-width (（调整后） = (调整后)), ignoring a trailing * some people add to required ones. */
function headerKey(text: string): string {
  return toHalfWidth(text).replaceAll(/\s+/g, '').replace(/\*+$/, '');
}

/** Maps header cells to their definitions; reports unknown, repeated and missing headers. */
function readHeaders<T extends { readonly label: string }>(reading: Reading, ws: Worksheet, defs: readonly T[]): Map<number, T> {
  const expected = new Map(defs.map((def) => [headerKey(def.label), def]));
  const found = new Map<T, number>();
  const columns = new Map<number, T>();
  const width = ws.columnCount;
  for (let column = 1; column <= width; column += 1) {
    const text = readText(cellAt(ws, 1, column));
    if (!text.ok || text.value === undefined) continue;
    const place = { sheet: ws.name.trim(), row: 1, column: letter(ws, column) };
    const def = expected.get(headerKey(text.value));
    const first = def && found.get(def);
    if (!def) reading.refuse(place, `不认识的列标题“${text.value}”，请改回模板中的列标题`);
    else if (first !== undefined) reading.refuse({ ...place, header: def.label }, `列标题“${def.label}”重复，${letter(ws, first)} 列已有`);
    else {
      found.set(def, column);
      columns.set(column, def);
    }
  }
  return columns;
}

/** A missing column is one message; the core messages it causes in every row (“必填”) are not repeated. */
function reportMissingColumns<T extends { readonly label: string; readonly field?: string | null; readonly optional?: boolean }>(
  reading: Reading,
  sheet: string,
  defs: readonly T[],
  found: ReadonlyMap<number, T>,
  arrayPath?: string,
) {
  const present = new Set(found.values());
  for (const def of defs) {
    if (present.has(def) || def.optional) continue;
    reading.refuse({ sheet, header: def.label }, `缺少列“${def.label}”（第 1 行的列标题）`);
    if (arrayPath && typeof def.field === 'string') reading.explain(`${arrayPath}[*].${def.field}`);
  }
}

/** Data under a column with no header would be silently dropped; say so instead. */
function reportHeaderlessData(
  reading: Reading,
  ws: Worksheet,
  row: number,
  mapped: ReadonlyMap<number, unknown>,
  headed: ReadonlySet<number>,
  width: number,
) {
  for (let column = 1; column <= width; column += 1) {
    if (mapped.has(column) || headed.has(column) || cellAt(ws, row, column).kind === 'blank') continue;
    reading.refuse({ sheet: ws.name.trim(), row, column: letter(ws, column) }, '这一列没有列标题，内容未被读取');
  }
}

function headedColumns(ws: Worksheet, width: number): Set<number> {
  const headed = new Set<number>();
  for (let column = 1; column <= width; column += 1) if (cellAt(ws, 1, column).kind !== 'blank') headed.add(column);
  return headed;
}

interface TableRow {
  readonly item: JsonObject;
  readonly row: number;
  readonly cells: ReadonlyMap<ColumnDef, CellContent>;
}

function readTableSheet(reading: Reading, ws: Worksheet | undefined, sheet: TableSheetDef): JsonObject[] {
  if (!ws) return [];
  const columns = readHeaders(reading, ws, sheet.columns);
  reportMissingColumns(reading, sheet.name, sheet.columns, columns, sheet.arrayPath);
  // columnCount walks every row; read it once.
  const width = ws.columnCount;
  const headed = headedColumns(ws, width);
  const idColumn = [...columns].find(([, def]) => def.field === sheet.idField);
  const rows: TableRow[] = [];
  for (let row = 2; row <= ws.rowCount; row += 1) {
    const cells = new Map<ColumnDef, CellContent>();
    for (const [column, def] of columns) cells.set(def, cellAt(ws, row, column));
    reportHeaderlessData(reading, ws, row, columns, headed, width);
    if ([...cells.values()].every((cell) => cell.kind === 'blank') || isUnfilledCatalogueRow(sheet, cells)) continue;
    const base = `${sheet.arrayPath}[${rows.length}]`;
    reading.sources.set(base, {
      sheet: sheet.name,
      row,
      ...(idColumn ? { column: letter(ws, idColumn[0]), header: idColumn[1].label } : {}),
    });
    const item: JsonObject = {};
    for (const [column, def] of columns) {
      if (def.field === null) continue;
      const path = `${base}.${def.field}`;
      const place = { sheet: sheet.name, row, column: letter(ws, column), header: def.label };
      const content = cells.get(def) ?? { kind: 'blank' };
      reading.sources.set(path, content.kind === 'blank' ? { ...place, blank: { type: def.type, isRowMissing: false } } : place);
      const converted = convert(content, def.type);
      if (!converted.ok) reading.refuse(place, converted.message, path);
      else if (converted.value !== undefined) setPath(item, def.field, converted.value);
    }
    rows.push({ item, row, cells });
  }
  if (sheet === MANAGEMENT_SHEET) {
    resolveManagementCodes(reading, ws, columns, rows);
    for (const { item } of rows) addOwnFormula(item);
  }
  if (sheet !== MANAGEMENT_SHEET && rows.length === 0) {
    reading.refuse({ sheet: sheet.name }, '没有填写任何一行（至少需要 1 行）', sheet.arrayPath);
  }
  reportDuplicates(reading, sheet, rows);
  if (sheet === INDICATORS_SHEET) reportMisfiledLevels(reading, rows);
  return rows.map(({ item }) => item);
}

/** The template's 管理效率 rows carry 编码 and 名称 only; until something else is filled they are not entries. */
function isUnfilledCatalogueRow(sheet: TableSheetDef, cells: ReadonlyMap<ColumnDef, CellContent>): boolean {
  if (sheet !== MANAGEMENT_SHEET) return false;
  return [...cells].every(([def, cell]) => def.field === null || def.field === sheet.idField || cell.kind === 'blank');
}

const nameKey = (text: string) => headerKey(text).replaceAll(/["'“”‘’]/g, '');

/** 名称 is for people, but it must agree with 编码; a row with only 名称 takes the catalogue's 编码. */
function resolveManagementCodes(reading: Reading, ws: Worksheet, columns: ReadonlyMap<number, ColumnDef>, rows: readonly TableRow[]) {
  const nameColumn = [...columns].find(([, def]) => def.field === null && def.label === MANAGEMENT_NAME_HEADER);
  if (!nameColumn) return;
  const [column, def] = nameColumn;
  rows.forEach(({ item, row, cells }, index) => {
    const name = readText(cells.get(def) ?? { kind: 'blank' });
    if (!name.ok || name.value === undefined) return;
    const byName = DEFAULT_MANAGEMENT_CATALOGUE.find((entry) => nameKey(entry.name) === nameKey(name.value ?? ''));
    const code = item.code;
    if (code === undefined) {
      if (byName) item.code = byName.code;
      return;
    }
    const byCode = DEFAULT_MANAGEMENT_CATALOGUE.find((entry) => entry.code === code);
    if (byCode && byName !== byCode) {
      reading.refuse(
        { sheet: ws.name.trim(), row, column: letter(ws, column), header: def.label },
        `名称“${name.value}”与编码“${String(code)}”（${byCode.name}）不符`,
        `management[${index}].code`,
      );
    }
  });
}

/** An own item with 分子 / 分母 cells is a ratio of those two amounts; the sheet has no other way to state a formula. */
function addOwnFormula(item: JsonObject): void {
  const own = item.own as JsonObject | undefined;
  const amounts = (item.amounts ?? {}) as JsonObject;
  const inputs = (own?.inputs ?? {}) as JsonObject;
  const keys = ['numerator', 'denominator'];
  if (!own || !keys.some((key) => key in amounts || key in inputs)) return;
  own.formula = { numerator: 'numerator', denominator: 'denominator' };
}

/**
 * The 资金来源 rows were read as `budget.sources.<source>.<column>`; the workbook lists the sources
 * filled, in the forms' order, each cell keeping its place for messages.
 */
function gatherFundingSources(reading: Reading, root: JsonObject): void {
  const budget = root.budget as JsonObject | undefined;
  const bySource = budget?.sources as JsonObject | undefined;
  if (!budget || !bySource) return;
  const rows: JsonObject[] = [];
  for (const source of FUNDING_SOURCES) {
    const row = bySource[source] as JsonObject | undefined;
    if (!row) continue;
    const index = rows.length;
    rows.push({ source, ...row });
    for (const { key } of FUNDING_COLUMNS) {
      const place = reading.sources.get(fundingField(source, key));
      if (place) reading.sources.set(`budget.sources[${index}].${key}`, place);
    }
  }
  budget.sources = rows;
}

function reportDuplicates(reading: Reading, sheet: TableSheetDef, rows: readonly TableRow[]): void {
  const label = sheet.columns.find((def) => def.field === sheet.idField)?.label ?? sheet.idField;
  const firstRow = new Map<string, number>();
  rows.forEach(({ item, row }, index) => {
    const id = item[sheet.idField];
    if (typeof id !== 'string') return;
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, row);
      return;
    }
    const path = `${sheet.arrayPath}[${index}]`;
    const source = reading.sources.get(path) ?? { sheet: sheet.name, row };
    reading.refuse(source, `${label}“${id}”与第 ${first} 行重复`, path);
  });
}

/** Core says “二级指标 economic 不属于一级指标 output”; the sheet says it with the labels the preparer picked. */
function reportMisfiledLevels(reading: Reading, rows: readonly TableRow[]): void {
  rows.forEach(({ item }, index) => {
    const level1 = item.level1 as Level1 | undefined;
    const level2 = item.level2 as Level2 | undefined;
    if (!level1 || !level2 || LEVEL2_OF[level1].includes(level2)) return;
    const path = `indicators[${index}].level2`;
    const source = reading.sources.get(path) ?? { sheet: SHEET.indicators };
    reading.refuse(
      { sheet: source.sheet, row: source.row, column: source.column, header: source.header },
      `二级指标“${level2Label(level2)}”不属于一级指标“${level1Label(level1)}”，${level1Label(level1)}下可选：${level2LabelsUnder(level1).join('、')}`,
      path,
    );
  });
}

function readKeyValue(reading: Reading, ws: Worksheet, sheet: KeyValueSheetDef, root: JsonObject): void {
  const name = sheet.name;
  KEY_VALUE_HEADERS.slice(0, 2).forEach((expected, index) => {
    const text = readText(cellAt(ws, 1, index + 1));
    const found = text.ok ? (text.value ?? '') : '';
    if (headerKey(found) !== headerKey(expected)) {
      reading.refuse({ sheet: name, row: 1, column: letter(ws, index + 1) }, `列标题应为“${expected}”，读到“${found}”`);
    }
  });
  const byKey = new Map(sheet.rows.map((def) => [headerKey(def.label), def]));
  const seen = new Map<string, number>();
  for (let row = 2; row <= ws.rowCount; row += 1) {
    const keyCell = cellAt(ws, row, 1);
    const valueCell = cellAt(ws, row, 2);
    if (keyCell.kind === 'blank' && valueCell.kind === 'blank') continue;
    const key = readText(keyCell);
    const keyPlace = { sheet: name, row, column: 'A' };
    if (!key.ok || key.value === undefined) {
      if (valueCell.kind !== 'blank') reading.refuse(keyPlace, '缺少“项目”名称，这一行的内容未被读取');
      continue;
    }
    const def = byKey.get(headerKey(key.value));
    if (!def) {
      reading.refuse(keyPlace, `不认识的项目“${key.value}”`);
      continue;
    }
    const first = seen.get(def.field);
    if (first !== undefined) {
      reading.refuse({ ...keyPlace, header: def.label }, `项目“${def.label}”重复，第 ${first} 行已有`);
      continue;
    }
    seen.set(def.field, row);
    const place = { sheet: name, row, column: letter(ws, 2), header: def.label };
    reading.sources.set(def.field, valueCell.kind === 'blank' ? { ...place, blank: { type: def.type, isRowMissing: false } } : place);
    const converted = convert(valueCell, def.type);
    if (!converted.ok) reading.refuse(place, converted.message, def.field);
    else if (converted.value !== undefined) setPath(root, def.field, converted.value);
  }
  for (const def of sheet.rows) {
    if (!seen.has(def.field))
      reading.sources.set(def.field, { sheet: name, header: def.label, blank: { type: def.type, isRowMissing: true } });
  }
}

const SINGLE_PARAGRAPHS: ReadonlySet<NarrativeCategory> = new Set(['conclusion', 'dutyIntro', 'management']);

function readNarrative(reading: Reading, ws: Worksheet): JsonObject {
  const name = SHEET.narrative;
  const headers = NARRATIVE_HEADERS.map((label) => ({ label }));
  const columns = readHeaders(reading, ws, headers);
  reportMissingColumns(reading, name, headers, columns);
  const categoryColumn = [...columns].find(([, def]) => def.label === NARRATIVE_HEADERS[0])?.[0];
  const textColumn = [...columns].find(([, def]) => def.label === NARRATIVE_HEADERS[1])?.[0];
  const narrative: JsonObject = {};
  const lists: Record<'problems' | 'measures', string[]> = { problems: [], measures: [] };
  if (categoryColumn === undefined || textColumn === undefined) return lists;
  const seen = new Map<NarrativeCategory, number>();
  for (let row = 2; row <= ws.rowCount; row += 1) {
    const text = readText(cellAt(ws, row, textColumn));
    const textPlace = { sheet: name, row, column: letter(ws, textColumn), header: NARRATIVE_HEADERS[1] };
    if (!text.ok) {
      reading.refuse(textPlace, text.message);
      continue;
    }
    // A category with no text is the template's empty slot, not an entry.
    if (text.value === undefined) continue;
    const categoryPlace = { sheet: name, row, column: letter(ws, categoryColumn), header: NARRATIVE_HEADERS[0] };
    const category = readChoice(cellAt(ws, row, categoryColumn), NARRATIVE_CHOICES);
    if (!category.ok) {
      reading.refuse(categoryPlace, category.message);
      continue;
    }
    if (category.value === undefined) {
      reading.refuse(categoryPlace, requiredMessage({ kind: 'choice', choices: NARRATIVE_CHOICES }, false));
      continue;
    }
    const value = category.value as NarrativeCategory;
    if (SINGLE_PARAGRAPHS.has(value)) {
      const first = seen.get(value);
      if (first !== undefined) {
        reading.refuse(categoryPlace, `“${labelOf(NARRATIVE_CHOICES, value)}”只能填写一行，第 ${first} 行已有`);
        continue;
      }
      seen.set(value, row);
      reading.sources.set(`narrative.${value}`, textPlace);
      narrative[value] = text.value;
    } else {
      const list = lists[value as 'problems' | 'measures'];
      reading.sources.set(`narrative.${value}[${list.length}]`, textPlace);
      list.push(text.value);
    }
  }
  return { ...narrative, ...lists };
}
