// The connector's own state: health, runtime settings and backups.
import { z } from 'zod';
import { HealthProblem } from '../health.js';
import { SettingsUpdate, SettingsView } from '../settings.js';
import { call } from './call.js';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  startedAt: z.number().int(),
  location: z.object({ id: z.string(), name: z.string() }),
  acceptanceMode: z.enum(['manual', 'auto']),
  streamAuth: z.object({ bearer: z.boolean(), signature: z.boolean() }),
  orders: z.object({ pending: z.number().int(), open: z.number().int() }),
  catalog: z.object({
    loaded: z.boolean(),
    loadedAt: z.number().int().nullable(),
    objects: z.number().int(),
  }),
  outbox: z.object({
    pending: z.number().int(),
    dead: z.number().int(),
    lastStreamContactAt: z.number().int().nullable(),
  }),
  /** The POS leg (electron/core/pos): orders on their way, and those staff must act on. */
  pos: z.object({
    driver: z.enum(['none', 'http', 'folder']),
    printerEnabled: z.boolean(),
    queued: z.number().int(),
    /** Orders flagged "not in POS" (retry, or mark entered by hand). */
    notInPos: z.number().int(),
    /** Canceled orders whose void did not reach the POS. */
    voidsFailed: z.number().int(),
  }),
  /** Named problems with since-when and what to do (shared/health.ts); empty when `ok`. */
  problems: z.array(HealthProblem),
});
export type Health = z.infer<typeof Health>;

export const BackupInfo = z.object({
  file: z.string(),
  bytes: z.number().int(),
  createdAt: z.number(),
});

export const healthCalls = {
  getHealth: call({ method: 'GET', path: '/api/health', response: Health }),
  /** Acceptance mode, timeout policy, staff window and default prep time in force now. */
  getSettings: call({ method: 'GET', path: '/api/settings', response: SettingsView }),
  /** Change some of them at the counter (manager PIN); kept across restarts, audited. */
  updateSettings: call({
    method: 'PUT',
    path: '/api/settings',
    body: SettingsUpdate,
    response: SettingsView,
    manager: true,
  }),
  /** Online backups of the database, newest first. */
  listBackups: call({
    method: 'GET',
    path: '/api/backups',
    response: z.object({ backups: z.array(BackupInfo) }),
  }),
  /** Back up now (also runs on a schedule); answers once the copy passed its integrity check. */
  createBackup: call({ method: 'POST', path: '/api/backups', response: BackupInfo }),
} as const;
