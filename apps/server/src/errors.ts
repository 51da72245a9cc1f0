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
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  DATA_DIR_LOCKED: 500,
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
export const versionConflict = (what: string) =>
  new AppError('VERSION_CONFLICT', `${what}已被他人修改，你的修改未保存。请刷新后重新修改。`);
