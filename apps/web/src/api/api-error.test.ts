import { describe, expect, it } from 'vitest';
import { ApiError, BAD_RESPONSE, classifyError, errorText, fileIssues, mapFieldErrors, toApiError, toNamePath } from './api-error.ts';

describe('toApiError', () => {
  it('keeps the body of the API error shape', () => {
    const error = toApiError(409, { code: 'VERSION_CONFLICT', message: '已被他人修改', details: null, requestId: 'r-1' }, 'r-header');
    expect(error).toMatchObject({ status: 409, code: 'VERSION_CONFLICT', message: '已被他人修改', requestId: 'r-1' });
  });

  it('names a non-API answer (a proxy error page) and keeps the header request id', () => {
    const error = toApiError(502, null, 'r-header');
    expect(error.code).toBe(BAD_RESPONSE);
    expect(error.requestId).toBe('r-header');
    expect(error.message).toContain('502');
  });

  it('tells a missing route from a missing record', () => {
    expect(
      toApiError(404, { code: 'NOT_FOUND', message: '没有这个地址：GET /api/tasks', details: null, requestId: 'x' }, null)
        .isMissingEndpoint,
    ).toBe(true);
    expect(
      toApiError(404, { code: 'NOT_FOUND', message: '自评不存在或无权访问', details: null, requestId: 'x' }, null).isMissingEndpoint,
    ).toBe(false);
  });
});

describe('classifyError', () => {
  const of = (code: string) => classifyError(new ApiError(400, code, '', null, null));
  it.each([
    ['UNAUTHENTICATED', 'sign-in'],
    ['SESSION_EXPIRED', 'sign-in'],
    ['PASSWORD_CHANGE_REQUIRED', 'change-password'],
    ['VERSION_CONFLICT', 'conflict'],
    ['VALIDATION_FAILED', 'validation'],
    ['ALREADY_EXISTS', 'validation'],
    ['INVALID_CREDENTIALS', 'other'],
    ['PDF_UNAVAILABLE', 'other'],
  ])('%s → %s', (code, kind) => {
    expect(of(code)).toBe(kind);
  });
});

describe('toNamePath', () => {
  it.each([
    ['body.actual', ['actual']],
    ['body.narrative.problems[2]', ['narrative', 'problems', 2]],
    ['body.budget.executed', ['budget', 'executed']],
    ['newPassword', ['newPassword']],
    ['body.roles[0].organisationId', ['roles', 0, 'organisationId']],
  ])('%s', (path, expected) => {
    expect(toNamePath(path)).toEqual(expected);
  });

  it.each(['query.indicatorId', 'params.id', 'indicator:0b1c', '绩效指标!G5', 'body', ''])('%j has no form field', (path) => {
    expect(toNamePath(path)).toBeNull();
  });
});

describe('mapFieldErrors', () => {
  const details = [
    { path: 'body.actual', message: '应为数字' },
    { path: 'body.actual', message: '不能为空' },
    { path: 'body.narrative.problems[1]', message: '太长' },
    { path: 'body.level2', message: '二级指标不属于所选一级指标' },
    { path: 'indicator:abc', message: '未填写实际完成值' },
    'not an issue',
  ];

  it('puts messages on the fields the form shows and keeps the rest', () => {
    const shown = new Set(['actual', 'narrative']);
    const { fields, rest } = mapFieldErrors(details, (name) => shown.has(String(name)));
    expect(fields).toEqual([
      { name: ['actual'], errors: ['应为数字', '不能为空'] },
      { name: ['narrative', 'problems', 1], errors: ['太长'] },
    ]);
    expect(rest.map((issue) => issue.message)).toEqual(['二级指标不属于所选一级指标', '未填写实际完成值']);
  });

  it('treats details of another shape as no issues', () => {
    expect(mapFieldErrors({ lockedUntil: '2026-01-01' }, () => true)).toEqual({ fields: [], rest: [] });
  });
});

describe('fileIssues', () => {
  it('reads the admin import shape', () => {
    expect(
      fileIssues([
        { sheet: '用户', row: 5, column: 'C', message: '角色不存在' },
        { sheet: '单位', message: '缺少工作表' },
      ]),
    ).toEqual([
      { place: '用户!C5', sheet: '用户', row: 5, column: 'C', message: '角色不存在' },
      { place: '单位', sheet: '单位', row: null, column: null, message: '缺少工作表' },
    ]);
  });

  it('reads the workbook import shape (sheet!cell or JSON path)', () => {
    expect(
      fileIssues([
        { path: '绩效指标!G5', message: '应为数字' },
        { path: 'indicators[3].target', message: '应为数字' },
        { path: '绩效指标', message: '缺少表头' },
      ]),
    ).toEqual([
      { place: '绩效指标!G5', sheet: '绩效指标', row: 5, column: 'G', message: '应为数字' },
      { place: 'indicators[3].target', sheet: null, row: null, column: null, message: '应为数字' },
      { place: '绩效指标', sheet: '绩效指标', row: null, column: null, message: '缺少表头' },
    ]);
  });
});

describe('errorText', () => {
  it('adds the request id for the help desk', () => {
    expect(errorText(new ApiError(500, 'INTERNAL', '服务器内部错误', null, 'abc'), '请求编号')).toBe('服务器内部错误（请求编号 abc）');
    expect(errorText(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器', null, null), '请求编号')).toBe('无法连接服务器');
  });
});
