/** Error codes shared by server and web. The server maps each code to one HTTP status. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** a one-time link that no longer opens anything (the public survey link), whatever the reason */
  GONE: 410,
  CONFLICT: 409,
  STALE_VERSION: 409,
  INVALID_STATE: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A translatable message: `key` names an entry of the `errors` locale namespace
 * (src/shared/locales/<lng>/errors.json), `params` fill its {{placeholders}}. The English
 * `message` beside it stays for API clients and logs.
 */
export interface MessageKey {
  key: string;
  params?: Record<string, unknown>;
}

export interface FieldIssue extends Partial<MessageKey> {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; i18n?: MessageKey };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly i18n?: MessageKey;
  constructor(code: ErrorCode, message: string, details?: unknown, i18n?: MessageKey) {
    super(message);
    this.code = code;
    this.details = details;
    this.i18n = i18n;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A 400 naming the fields that failed. */
export function validationError(issues: FieldIssue[], message = 'Invalid input'): AppError {
  return new AppError('VALIDATION', message, { issues });
}

/** A field issue with its translation key; the English message stays for API clients and logs. */
export function issue(path: string, key: string, message: string, params?: Record<string, unknown>): FieldIssue {
  return params ? { path, message, key, params } : { path, message, key };
}
