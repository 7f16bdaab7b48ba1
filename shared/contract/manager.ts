// Manager PIN and audit log (electron/core/manager).
import { z } from 'zod';
import { AuditEntry, AuditQuery, FileDownload, ManagerPinStatus, PinRequest } from '../manager.js';
import { call } from './call.js';

export const managerCalls = {
  getManagerPin: call({ method: 'GET', path: '/api/manager/pin', response: ManagerPinStatus }),
  /** First run only: sets the PIN when none is set (409 once one is). */
  setupManagerPin: call({
    method: 'POST',
    path: '/api/manager/pin',
    body: PinRequest,
    response: ManagerPinStatus,
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
