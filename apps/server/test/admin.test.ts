import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, login, multipart, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
});
afterAll(() => t.close());

async function workbook(units: string[][], users: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const unitSheet = book.addWorksheet('单位');
  unitSheet.addRow(['编码', '名称', '类型', '上级编码']);
  for (const row of units) unitSheet.addRow(row);
  const userSheet = book.addWorksheet('用户');
  userSheet.addRow(['用户名', '姓名', '所属单位编码', '联系电话', '角色', '角色所在单位编码']);
  for (const row of users) userSheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = async (bytes: Buffer, session = s.admin) => {
  const body = multipart('导入.xlsx', bytes);
  return as(t.app, session).post('/api/admin/import', body.payload, body.headers);
};

describe('organisations, users and years', () => {
  it('are administered by the system administrator only', async () => {
    const response = await as(t.app, s.finance).post('/api/organisations', { kind: 'unit', parentId: null, code: 'X1', name: '某中心' });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('只有系统管理员可以进行此操作');
  });

  it('checks the organisation tree: a unit belongs to a department', async () => {
    const organisations = (await as(t.app, s.admin).get('/api/organisations')).json().items as { id: string; kind: string; code: string }[];
    const bureau = organisations.find((entry) => entry.kind === 'finance-bureau');
    const wrong = await as(t.app, s.admin).post('/api/organisations', { kind: 'unit', parentId: bureau?.id, code: 'PY-X', name: '某中心' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details).toEqual([{ path: 'body.parentId', message: '下级预算单位的上级须为部门' }]);
    const duplicate = await as(t.app, s.admin).post('/api/organisations', {
      kind: 'department',
      parentId: bureau?.id,
      code: 'PY-KGSX',
      name: '重复',
    });
    expect(duplicate.json().details).toEqual([{ path: 'body.code', message: '编码“PY-KGSX”已被使用' }]);
  });

  it('creates a user with a one-time initial password, and can disable and unlock', async () => {
    const organisations = (await as(t.app, s.admin).get('/api/organisations')).json().items as { id: string; code: string }[];
    const unit = organisations.find((entry) => entry.code === 'PY-KGSX-03');
    const created = await as(t.app, s.admin).post('/api/users', {
      username: 'trade.preparer',
      displayName: '商务填报人',
      organisationId: unit?.id,
      roles: [{ role: 'preparer', organisationId: unit?.id }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().initialPassword).toMatch(/^Jx-.{13}$/);
    const misplaced = await as(t.app, s.admin).post('/api/users', {
      username: 'x.finance',
      displayName: 'X',
      organisationId: unit?.id,
      roles: [{ role: 'finance-reviewer', organisationId: unit?.id }],
    });
    expect(misplaced.json().details).toEqual([{ path: 'body.roles[0]', message: '财政审核人须隶属于财政局' }]);
    const user = ((await as(t.app, s.admin).get('/api/users')).json().items as { id: string; username: string; version: number }[]).find(
      (entry) => entry.username === 'trade.preparer',
    );
    const disabled = await as(t.app, s.admin).patch(`/api/users/${user?.id}`, { version: user?.version, disabled: true });
    expect(disabled.statusCode).toBe(200);
    await expect(login(t.app, 'trade.preparer', created.json().initialPassword)).rejects.toThrow(/401/);
  });

  it('keeps fiscal years with deadlines', async () => {
    // A year beyond the demo's (which opens up to the year after the seeding clock's).
    const created = await as(t.app, s.admin).post('/api/fiscal-years', { year: 2040, submitDeadline: '2041-06-20' });
    expect(created.statusCode).toBe(201);
    const again = await as(t.app, s.admin).post('/api/fiscal-years', { year: 2040 });
    expect(again.json().details).toEqual([{ path: 'body.year', message: '2040 年度已存在' }]);
    const years = (await as(t.app, s.preparer).get('/api/fiscal-years')).json().items as { year: number }[];
    expect(years.map((entry) => entry.year).at(-1)).toBe(2040);
  });
});

describe('bulk import of units and users (.xlsx)', () => {
  it('refuses the whole file, naming every bad cell, and creates nothing', async () => {
    const bytes = await workbook(
      [
        ['PY-WL', '番禺区文旅局', '部门', 'PY-CZJ'],
        ['PY-WL-01', '文旅服务中心', '下级预算单位', 'PY-NONE'],
        ['PY-KGSX', '重复编码', '部门', 'PY-CZJ'],
        ['bad code', '坏编码', '科室', ''],
      ],
      [
        ['wl.preparer', '文旅填报人', 'PY-WL-01', '', '单位填报人', ''],
        ['preparer', '重名', 'PY-WL', '', '部门审核人', ''],
        ['wl.boss', '文旅负责人', 'PY-WL', '', '局长', ''],
      ],
    );
    const before = (await as(t.app, s.admin).get('/api/organisations')).json().items.length;
    const response = await upload(bytes);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('BAD_FILE');
    expect(response.json().details.map((detail: { path: string; message: string }) => `${detail.path}：${detail.message}`)).toEqual([
      '单位!A5：编码只能包含字母、数字、- 和 _',
      '单位!C5：类型应为 部门 或 下级预算单位，实际为“科室”',
      '单位!D5：上级编码不能为空',
      '用户!E4：未知角色“局长”；可选：单位填报人、填报人、部门审核人、部门负责人、财政审核人、系统管理员、审计查询员、经办人、财务审核、审批人、出纳、资产管理员',
    ]);
    const second = await upload(
      await workbook(
        [
          ['PY-WL', '番禺区文旅局', '部门', 'PY-CZJ'],
          ['PY-WL-01', '文旅服务中心', '下级预算单位', 'PY-NONE'],
          ['PY-KGSX', '重复编码', '部门', 'PY-CZJ'],
        ],
        [['preparer', '重名', 'PY-WL', '', '部门审核人', '']],
      ),
    );
    expect(second.json().details.map((detail: { path: string; message: string }) => `${detail.path}：${detail.message}`)).toEqual([
      '单位!A4：编码“PY-KGSX”已存在',
      '单位!D3：上级编码“PY-NONE”不存在',
      '用户!A2：用户名“preparer”已被使用',
    ]);
    expect((await as(t.app, s.admin).get('/api/organisations')).json().items.length).toBe(before);
  });

  it('creates units and users in one go and returns their initial passwords', async () => {
    const response = await upload(
      await workbook(
        [
          ['PY-WL', '番禺区文化广电旅游体育局', '部门', 'PY-CZJ'],
          ['PY-WL-01', '番禺区文化馆', '下级预算单位', 'PY-WL'],
        ],
        [
          ['wl.preparer', '文化馆填报人', 'PY-WL-01', '020-1', '单位填报人', ''],
          ['wl.reviewer', '文旅审核人', 'PY-WL', '', '部门审核人、部门负责人', ''],
        ],
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().organisationsCreated).toBe(2);
    const [first] = response.json().usersCreated as { username: string; initialPassword: string }[];
    const session = await login(t.app, 'wl.preparer', first?.initialPassword);
    expect((await as(t.app, session).get('/api/auth/me')).json().user).toMatchObject({
      mustChangePassword: true,
      organisationName: '番禺区文化馆',
    });
  });

  it('offers a template that imports cleanly once its example codes are adjusted', async () => {
    const template = await as(t.app, s.admin).get('/api/admin/import/template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['单位', '用户']);
  });
});
