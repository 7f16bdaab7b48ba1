// Manager PIN and audit log (electron/core/manager).
import { z } from 'zod';
import {
  AuditEntry,
  AuditQuery,
  FileDownload,
  ManagerPinStatus,
  PinRequest,
  PinSetupCode,
  SetupPinRequest,
} from '../manager.js';
import { call } from './call.js';

export const managerCalls = {
  getManagerPin: call({ method: 'GET', path: '/api/manager/pin', response: ManagerPinStatus }),
  /** First run only: sets the PIN when none is set (409 once one is). Over HTTP it needs the
   * one-time `setupCode` the counter screen shows; through the desktop bridge it does not. */
  setupManagerPin: call({
    method: 'POST',
    path: '/api/manager/pin',
    body: SetupPinRequest,
    response: ManagerPinStatus,
  }),
  /** The setup code for the counter's first-PIN screen: desktop bridge only (no HTTP route). */
  getManagerPinSetupCode: call({
    method: 'GET',
    path: '/api/manager/pin/setup-code',
    response: PinSetupCode,
    counterOnly: true,
  }),
  changeManagerPin: call({
    method: 'PUT',
    path: '/api/manager/pin',
    body: PinRequest,
    response: ManagerPinStatus,
    manager: true,
  }),
  /** Checks the PIN (counts toward the lockout) so the UI can open the manager screens. */
  verifyManagerPin: call({
    method: 'POST',
    path: '/api/manager/verify',
    response: z.object({ ok: z.literal(true) }),
    manager: true,
  }),
  /** Who did what, when and why; `format=csv` answers the CSV file itself. */
  getAudit: call({
    method: 'GET',
    path: '/api/audit',
    query: AuditQuery,
    response: z.union([z.object({ entries: z.array(AuditEntry) }), FileDownload]),
    downloads: true,
  }),
} as const;
