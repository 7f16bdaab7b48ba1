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

export type StorageFaultKind = 'full' | 'readonly' | 'corrupt' | 'io';

/** Which storage fault an SQLite error is (full disk, read-only, damaged file, I/O), or null. */
export function storageFaultKind(err: unknown): StorageFaultKind | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') return 'readonly';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

/** True for a storage fault: retryable once space returns or the file is repaired, answered 503. */
export function isStorageError(err: unknown): boolean {
  return storageFaultKind(err) !== null;
}
