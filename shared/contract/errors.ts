// How a failed Local API call is told, on every edge: the error body over HTTP, the same fields
// (plus the status) over IPC, and the one mapping from what went wrong to what the caller sees.
// A refusal has a status, a stable code and, for bad input, the field at fault; a locked or full
// database is a retryable 503, never a 500; a real bug is a 500 with no detail leaked.
import { z } from 'zod';

/** The error body of every failed Local API call over HTTP. */
export const ApiErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** What a caller is told about a failed call: the HTTP status (or its IPC equivalent) and the
 * error body's fields. */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  field?: string;
}

/** An error a caller can act on, thrown by handlers and validation. */
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

export const BUSY: ApiProblem = {
  status: 503,
  code: 'busy',
  message: 'the database is busy; retry shortly',
};
export const STORAGE_UNAVAILABLE: ApiProblem = {
  status: 503,
  code: 'storage_unavailable',
  message: 'the change could not be stored; retry later',
};
export const INTERNAL: ApiProblem = { status: 500, code: 'internal', message: 'internal error' };

/** How long a client should wait before retrying a 503, by its code. */
export const RETRY_AFTER_SECONDS: Readonly<Record<string, number>> = {
  [BUSY.code]: 2,
  [STORAGE_UNAVAILABLE.code]: 10,
};

/** The problem a thrown error is for the caller; null for a bug (answer `INTERNAL` and log it). */
export function problemFor(err: unknown): ApiProblem | null {
  if (err instanceof ApiError) return problem(err.status, err.code, err.message, err.field);
  if (isBusyError(err)) return BUSY;
  if (isStorageError(err)) return STORAGE_UNAVAILABLE;
  return null;
}

export function problem(status: number, code: string, message: string, field?: string) {
  return field ? { status, code, message, field } : { status, code, message };
}

/** The HTTP error body for a problem. */
export function errorBody(code: string, message: string, field?: string): ApiErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

/** The first schema problem as "field: message", naming the field a caller must fix. */
export function zodProblem(error: z.ZodError, prefix: string): ApiError {
  const issue = error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.join(', ')}`
      : issue.message;
  return new ApiError(
    400,
    'invalid_request',
    `${field || '(body)'}: ${message}`,
    field || undefined,
  );
}
