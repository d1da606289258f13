/** The errors a service may raise; one function in the server maps each to an HTTP status. */
export const appErrorStatus = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'unprocessable-content': 422,
  'rate-limited': 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    /** Shown to the user: plain words, never personal data. */
    message: string,
    readonly invalidParams?: { name: string; reason: string }[],
  ) {
    super(message);
  }
}
