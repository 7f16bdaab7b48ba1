// Wire shapes of the manager PIN and the audit log in the Local API.
import { z } from 'zod';

export const Pin = z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits');

export const PinRequest = z.object({ pin: Pin }).strict();

/** The first PIN. Over HTTP the one-time `setupCode` shown on the counter screen is required;
 * through the desktop bridge (the counter itself) it is not. */
export const SetupPinRequest = z
  .object({ pin: Pin, setupCode: z.string().trim().max(32).optional() })
  .strict();

/** The one-time code that lets the first PIN be set over HTTP; null once a PIN is set. */
export const PinSetupCode = z.object({ setupCode: z.string().nullable() });

export const ManagerPinStatus = z.object({
  isSet: z.boolean(),
  setAt: z.number().int().nullable(),
  /** While in the future, every PIN (even the right one) is refused. */
  lockedUntil: z.number().int().nullable(),
  failedAttempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** Lockouts in a row since the last right PIN (each twice as long); the manager's banner. */
  lockouts: z.number().int(),
  lastLockedAt: z.number().int().nullable(),
});
export type ManagerPinStatus = z.infer<typeof ManagerPinStatus>;

export const AuditEntry = z.object({
  /** `audit:<n>` for manager actions, `order:<n>` for order decisions from the timeline. */
  id: z.string(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  /** True when the manager PIN authorized the action. */
  managerPin: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  /** Newest entries kept when the range holds more; default 1,000 for JSON, 100,000 for CSV. */
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** A response that is a file rather than JSON (the audit CSV). HTTP sends `content` as the body. */
export const FileDownload = z.object({
  file: z.object({ name: z.string(), contentType: z.string(), content: z.string() }),
});
export type FileDownload = z.infer<typeof FileDownload>;
