// Local API handlers for the manager PIN and the audit log (shared/contract.ts).
import type { Handlers } from '../api/handlers.js';
import type { Clock } from '../util/clock.js';
import type { AuditLog } from './audit-log.js';
import type { ManagerPins } from './manager-pin.js';

type ManagerCalls =
  | 'getManagerPin'
  | 'getManagerPinSetupCode'
  | 'setupManagerPin'
  | 'changeManagerPin'
  | 'verifyManagerPin'
  | 'getAudit';

export function managerHandlers(
  pins: ManagerPins,
  audit: AuditLog,
  clock: Clock,
): Pick<Handlers, ManagerCalls> {
  return {
    getManagerPin: () => pins.status(),
    getManagerPinSetupCode: () => ({ setupCode: pins.currentSetupCode() }),
    setupManagerPin: ({ pin, setupCode }, { actor, atCounter }) =>
      pins.setup(pin, actor, { atCounter: atCounter === true, setupCode }),
    changeManagerPin: ({ pin }, { actor }) => pins.change(pin, actor),
    // The guard has already checked the PIN: reaching here means it was right.
    verifyManagerPin: () => ({ ok: true as const }),
    getAudit: ({ format, from, to, limit }) =>
      format === 'csv'
        ? audit.exportCsv({ from, to, limit: limit ?? 100_000 }, clock.now())
        : { entries: audit.list({ from, to, limit: limit ?? 1000 }) },
  };
}
