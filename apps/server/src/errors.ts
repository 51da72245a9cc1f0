/**
 * The one error type of the server. Services throw `AppError(code, message, details)`; the error
 * handler maps the code to an HTTP status through ERROR_STATUS and answers
 * `{ code, message, details, requestId }`. Messages are Chinese, for the person at the screen.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_FILE: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  SEGREGATION_OF_DUTIES: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  NOT_EDITABLE: 409,
  /** An internal-control rule refused the step; details list every rule broken with its code. */
  CONTROL_RULE_VIOLATED: 422,
  ALREADY_EXISTS: 409,
  /** 满意度调查: outside the survey's window, or an invitation code missing, unknown or used (nothing written). */
  SURVEY_NOT_OPEN: 409,
  SURVEY_CLOSED: 409,
  INVITATION_INVALID: 400,
  INVITATION_USED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  DATA_DIR_LOCKED: 500,
  /** A deployment setting the feature needs is invalid: only an administrator can fix it. */
  SETTINGS_INVALID: 503,
  PDF_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldDetail {
  /** A field path ("indicators[3].target", "body.actual") or a place in a file ("绩效指标!G5"). */
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details ?? null;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
export const validationFailed = (details: readonly FieldDetail[], message = '提交的内容有误，请按提示修改') =>
  new AppError('VALIDATION_FAILED', message, details);
/** The error code of each kind of workflow refusal the core's policies give (evaluations, declarations). */
export const REFUSAL_CODE = {
  'invalid-transition': 'INVALID_TRANSITION',
  role: 'FORBIDDEN',
  segregation: 'SEGREGATION_OF_DUTIES',
  comment: 'VALIDATION_FAILED',
  opinion: 'VALIDATION_FAILED',
} as const satisfies Record<string, ErrorCode>;

/**
 * A workflow refusal as the one error: a missing comment or opinion names the field it belongs in
 * (`body.comment` for the evaluations and declarations, the step's own text field otherwise).
 */
export function refused(
  refusal: { readonly kind: keyof typeof REFUSAL_CODE; readonly message: string },
  textPath = 'body.comment',
): AppError {
  const text = refusal.kind === 'comment' || refusal.kind === 'opinion';
  return new AppError(REFUSAL_CODE[refusal.kind], refusal.message, text ? [{ path: textPath, message: refusal.message }] : null);
}

/** The record the request would create already exists: 409 naming the field that collides. */
export const alreadyExists = (path: string, message: string) => new AppError('ALREADY_EXISTS', message, [{ path, message }]);
export const versionConflict = (what: string) =>
  new AppError('VERSION_CONFLICT', `${what}已被他人修改，你的修改未保存。请刷新后重新修改。`);

/** The SQLSTATE of a failed statement, whether the driver's error arrives bare or wrapped by Drizzle (`cause`). */
export function sqlState(error: unknown): string | undefined {
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * A unique-index violation (23505) is a record that already exists: 409 ALREADY_EXISTS naming the
 * field. The service checks first where it can; this catches the race between its check and the insert.
 */
export function rethrowUnique(error: unknown, path: string, message: string): never {
  if (sqlState(error) === '23505') throw alreadyExists(path, message);
  throw error;
}
