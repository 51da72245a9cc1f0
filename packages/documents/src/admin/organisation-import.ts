import ExcelJS from 'exceljs';

/**
 * The .xlsx of units and users an administrator fills in to set up departments in bulk. Reading is
 * pure (bytes → rows + issues); the server checks the rows against the database and commits them
 * all in one transaction or none.
 */
export const UNIT_SHEET = '单位';
export const USER_SHEET = '用户';

const UNIT_HEADERS = ['编码', '名称', '类型', '上级编码'] as const;
const USER_HEADERS = ['用户名', '姓名', '所属单位编码', '联系电话', '角色', '角色所在单位编码'] as const;

export const ROLE_BY_LABEL: Readonly<Record<string, string>> = {
  单位填报人: 'preparer',
  填报人: 'preparer',
  部门审核人: 'department-reviewer',
  部门负责人: 'department-head',
  财政审核人: 'finance-reviewer',
  系统管理员: 'admin',
  审计查询员: 'auditor',
  经办人: 'requester',
  财务审核: 'accountant',
  审批人: 'approver',
  出纳: 'cashier',
  资产管理员: 'asset-manager',
};

const KIND_BY_LABEL: Readonly<Record<string, 'department' | 'unit' | 'finance-bureau'>> = {
  部门: 'department',
  主管部门: 'department',
  下级预算单位: 'unit',
  单位: 'unit',
  财政局: 'finance-bureau',
};

export interface UnitRow {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly kind: 'department' | 'unit' | 'finance-bureau';
  readonly parentCode: string;
}

export interface UserRow {
  readonly row: number;
  readonly username: string;
  readonly displayName: string;
  readonly organisationCode: string;
  readonly phone: string | undefined;
  readonly roles: readonly string[];
  readonly roleOrganisationCode: string;
}

export interface SheetIssue {
  readonly sheet: string;
  readonly row?: number | undefined;
  readonly column?: string | undefined;
  readonly message: string;
}

export type OrganisationImport = { ok: true; units: UnitRow[]; users: UserRow[] } | { ok: false; issues: SheetIssue[] };

function cellText(row: ExcelJS.Row, column: number): string {
  const value = row.getCell(column).value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value).trim();
}

const letter = (column: number) => String.fromCharCode(64 + column);

function readHeader(sheet: ExcelJS.Worksheet, expected: readonly string[], issues: SheetIssue[]): boolean {
  const header = sheet.getRow(1);
  let ok = true;
  expected.forEach((title, index) => {
    const found = cellText(header, index + 1);
    if (found !== title) {
      ok = false;
      issues.push({ sheet: sheet.name, row: 1, column: letter(index + 1), message: `表头应为“${title}”，实际为“${found || '空'}”` });
    }
  });
  return ok;
}

export async function readOrganisationImport(bytes: Uint8Array): Promise<OrganisationImport> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, issues: [{ sheet: '', message: '文件不是有效的 .xlsx 工作簿' }] };
  }
  const issues: SheetIssue[] = [];
  const units: UnitRow[] = [];
  const users: UserRow[] = [];
  const unitSheet = book.getWorksheet(UNIT_SHEET);
  const userSheet = book.getWorksheet(USER_SHEET);
  if (!unitSheet) issues.push({ sheet: UNIT_SHEET, message: `缺少工作表“${UNIT_SHEET}”` });
  if (!userSheet) issues.push({ sheet: USER_SHEET, message: `缺少工作表“${USER_SHEET}”` });
  if (unitSheet && readHeader(unitSheet, UNIT_HEADERS, issues)) {
    unitSheet.eachRow((row, number) => {
      if (number === 1) return;
      const [code, name, kindLabel, parentCode] = [1, 2, 3, 4].map((column) => cellText(row, column));
      if (!code && !name && !kindLabel && !parentCode) return;
      const problem = (column: number, message: string) => issues.push({ sheet: UNIT_SHEET, row: number, column: letter(column), message });
      if (!code) problem(1, '编码不能为空');
      else if (!/^[A-Za-z0-9_-]+$/.test(code)) problem(1, '编码只能包含字母、数字、- 和 _');
      if (!name) problem(2, '名称不能为空');
      const kind = KIND_BY_LABEL[kindLabel ?? ''];
      if (!kind) problem(3, `类型应为 部门 或 下级预算单位，实际为“${kindLabel || '空'}”`);
      if (kind !== 'finance-bureau' && !parentCode) problem(4, '上级编码不能为空');
      if (code && name && kind && (kind === 'finance-bureau' || parentCode))
        units.push({ row: number, code, name, kind, parentCode: parentCode ?? '' });
    });
  }
  if (userSheet && readHeader(userSheet, USER_HEADERS, issues)) {
    userSheet.eachRow((row, number) => {
      if (number === 1) return;
      const [username, displayName, organisationCode, phone, roleText, roleOrganisationCode] = [1, 2, 3, 4, 5, 6].map((column) =>
        cellText(row, column),
      );
      if (!username && !displayName && !organisationCode && !roleText) return;
      const problem = (column: number, message: string) => issues.push({ sheet: USER_SHEET, row: number, column: letter(column), message });
      if (!username) problem(1, '用户名不能为空');
      else if (!/^[A-Za-z0-9._-]{2,50}$/.test(username)) problem(1, '用户名只能包含字母、数字和 . _ -（2–50 个字符）');
      if (!displayName) problem(2, '姓名不能为空');
      if (!organisationCode) problem(3, '所属单位编码不能为空');
      const labels = (roleText ?? '').split(/[,，、;；\s]+/).filter(Boolean);
      const roles = labels.map((label) => ROLE_BY_LABEL[label]);
      if (labels.length === 0) problem(5, '至少填写一个角色');
      labels.forEach((label, index) => {
        if (!roles[index]) problem(5, `未知角色“${label}”；可选：${Object.keys(ROLE_BY_LABEL).join('、')}`);
      });
      if (username && displayName && organisationCode && labels.length && roles.every(Boolean)) {
        users.push({
          row: number,
          username,
          displayName,
          organisationCode,
          phone: phone || undefined,
          roles: roles as string[],
          roleOrganisationCode: roleOrganisationCode || organisationCode,
        });
      }
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, units, users };
}

/** The blank template with the two sheets, their headers and an example row each. */
export async function writeOrganisationTemplate(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const unitSheet = book.addWorksheet(UNIT_SHEET);
  unitSheet.addRow([...UNIT_HEADERS]);
  unitSheet.addRow(['PY-EXAMPLE', '示例区某某局', '部门', 'PY-CZJ']);
  unitSheet.addRow(['PY-EXAMPLE-01', '示例区某某中心', '下级预算单位', 'PY-EXAMPLE']);
  const userSheet = book.addWorksheet(USER_SHEET);
  userSheet.addRow([...USER_HEADERS]);
  userSheet.addRow(['zhang.san', '张三', 'PY-EXAMPLE-01', '020-00000000', '单位填报人', '']);
  userSheet.addRow(['li.si', '李四', 'PY-EXAMPLE', '', '部门审核人', '']);
  for (const sheet of [unitSheet, userSheet]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 20;
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
