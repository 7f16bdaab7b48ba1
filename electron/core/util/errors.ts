// An error a caller can act on: it carries the HTTP status, a stable code and, for bad input, the
// field at fault. Anything else that escapes is a bug and is answered as a 500 without detail.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string): ApiError =>
  new ApiError(404, 'not_found', `${what} ${id} does not exist`);

export const conflict = (code: string, message: string): ApiError =>
  new ApiError(409, code, message);

/** True for SQLite's "the database is locked/busy" family: retryable, answered as 503. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
  );
}

/** True for "the disk is full / cannot write": retryable once space returns, answered as 507→503. */
export function isStorageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_FULL') ||
      code.startsWith('SQLITE_IOERR') ||
      code.startsWith('SQLITE_READONLY') ||
      code === 'SQLITE_CANTOPEN')
  );
}
