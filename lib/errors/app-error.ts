// Typed domain errors and their single mapping to HTTP status and user-facing message key.
export const ERROR_HTTP_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  PRECONDITION_FAILED: 412,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
} as const;

export type TErrorCode = keyof typeof ERROR_HTTP_STATUS;

export class AppError extends Error {
  readonly code: TErrorCode;
  /** Safe to show to the user: never contains internals. */
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(code: TErrorCode, userMessage: string, details?: Record<string, unknown>) {
    super(userMessage);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.details = details;
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type THttpError = {
  status: number;
  headers: Record<string, string>;
  body: { error: TErrorCode | "INTERNAL"; message: string; details?: Record<string, unknown> };
};

/** Maps any thrown value to an HTTP answer; unknown errors become a generic 500 (logged, never echoed). */
export function toHttpError(error: unknown): THttpError {
  if (isAppError(error)) {
    // A throttled request says when to try again (RFC 9110 §10.2.3).
    const retryAfter = error.details?.retryAfterSeconds;
    return {
      status: error.httpStatus,
      headers: typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {},
      body: { error: error.code, message: error.userMessage, details: error.details },
    };
  }
  console.error(error);
  return {
    status: 500,
    headers: {},
    body: { error: "INTERNAL", message: "An unexpected error occurred. It has been logged." },
  };
}
