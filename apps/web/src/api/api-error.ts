/**
 * Every failure of the API answers `{ code, message, details, requestId }` with a Chinese message.
 * ApiError carries it into the app; the helpers below turn `details` into form errors or file issues.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: unknown, requestId: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /**
   * A 404 for the route itself, not for a record: the server answers unknown paths with
   * "没有这个地址：GET /api/…". Pages built ahead of their endpoint show "not available yet".
   */
  get isMissingEndpoint(): boolean {
    return this.status === 404 && this.message.startsWith('没有这个地址');
  }
}

/** Network failures and non-JSON answers (a proxy's 502 page) get a code of their own. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const BAD_RESPONSE = 'BAD_RESPONSE';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Builds an ApiError from a failed response's status, parsed body (if any) and x-request-id header. */
export function toApiError(status: number, body: unknown, requestIdHeader: string | null): ApiError {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    const requestId = typeof body.requestId === 'string' ? body.requestId : requestIdHeader;
    return new ApiError(status, body.code, body.message, body.details ?? null, requestId);
  }
  return new ApiError(status, BAD_RESPONSE, `服务器返回了无法识别的应答（HTTP ${status}）`, null, requestIdHeader);
}

/** What the app does with an error, decided once for every page. */
export type ErrorKind = 'sign-in' | 'change-password' | 'conflict' | 'validation' | 'other';

export function classifyError(error: ApiError): ErrorKind {
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'SESSION_EXPIRED':
      return 'sign-in';
    case 'PASSWORD_CHANGE_REQUIRED':
      return 'change-password';
    case 'VERSION_CONFLICT':
      return 'conflict';
    // A duplicate code or name is answered 409 with the field it collides on: shown on that field.
    case 'ALREADY_EXISTS':
    case 'VALIDATION_FAILED':
      return 'validation';
    default:
      return 'other';
  }
}

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** `details` as `[{ path, message }]`, dropping anything of another shape. */
function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.message === 'string'
      ? [{ path: typeof entry.path === 'string' ? entry.path : '', message: entry.message }]
      : [],
  );
}

export type NamePath = (string | number)[];

/**
 * A server path as an antd form name path: "body.actual" → ["actual"],
 * "body.narrative.problems[2]" → ["narrative", "problems", 2]; a bare "newPassword" is a body field
 * too (the auth routes name fields without the prefix). Paths outside the body ("query.indicatorId",
 * "indicator:<id>", "绩效指标!G5") have no form field and give null.
 */
export function toNamePath(path: string): NamePath | null {
  if (/^(query|params|headers)(\.|$)/.test(path)) return null;
  const rest = path.startsWith('body.') ? path.slice('body.'.length) : path;
  if (rest === '' || rest === 'body') return null;
  const segments: NamePath = [];
  for (const part of rest.split('.')) {
    const indexed = /^([A-Za-z_$][\w$]*)((?:\[\d+\])*)$/.exec(part);
    if (!indexed?.[1]) return null;
    segments.push(indexed[1]);
    for (const index of indexed[2]?.matchAll(/\[(\d+)\]/g) ?? []) segments.push(Number(index[1]));
  }
  return segments;
}

export interface FormFieldErrors {
  readonly fields: { name: NamePath; errors: string[] }[];
  /** Issues that belong to no field on the form: shown in the message instead. */
  readonly rest: FieldIssue[];
}

/**
 * Splits validation details into errors for the form's fields (several messages for one field are
 * kept together) and the rest. `hasField` says whether the form shows a field at that top-level name.
 */
export function mapFieldErrors(details: unknown, hasField: (name: string | number) => boolean): FormFieldErrors {
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: FieldIssue[] = [];
  for (const issue of fieldIssues(details)) {
    const name = toNamePath(issue.path);
    const head = name?.[0];
    if (!name || head === undefined || !hasField(head)) {
      rest.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], rest };
}

/** A problem in an uploaded file, placed by sheet, row and column, or by JSON path. */
export interface FileIssue {
  readonly place: string;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/**
 * Upload errors come in two shapes: the admin import's `[{ sheet, row, column, message }]` and the
 * workbook import's `[{ path: "绩效指标!G5" | "indicators[3].target", message }]`. Both become FileIssues.
 */
export function fileIssues(details: unknown): FileIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown): FileIssue[] => {
    if (!isRecord(entry) || typeof entry.message !== 'string') return [];
    if (typeof entry.sheet === 'string') {
      const row = typeof entry.row === 'number' ? entry.row : null;
      const column = typeof entry.column === 'string' ? entry.column : null;
      const cell = `${column ?? ''}${row ?? ''}`;
      return [{ place: cell ? `${entry.sheet}!${cell}` : entry.sheet, sheet: entry.sheet, row, column, message: entry.message }];
    }
    const path = typeof entry.path === 'string' ? entry.path : '';
    const cell = /^(.+)!([A-Z]*)(\d+)$/.exec(path);
    if (cell?.[1]) {
      return [{ place: path, sheet: cell[1], row: Number(cell[3]), column: cell[2] || null, message: entry.message }];
    }
    const sheetOnly = path && !path.includes('.') && !path.includes('[') && /[^\x20-\x7e]/.test(path);
    return [{ place: path, sheet: sheetOnly ? path : null, row: null, column: null, message: entry.message }];
  });
}

/** The text of a toast: the Chinese message and, for the help desk, the request id. */
export function errorText(error: ApiError, requestIdLabel: string): string {
  return error.requestId ? `${error.message}（${requestIdLabel} ${error.requestId}）` : error.message;
}
