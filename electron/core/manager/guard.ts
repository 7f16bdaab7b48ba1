// The manager PIN on every manager-only call (`manager: true` in shared/contract.ts), enforced
// around the handlers themselves so that the HTTP routes and the Electron IPC bridge, which both
// call the handlers, cannot differ. The transport passes the PIN in `meta.managerPin`.
import { isManagerCall, localApi, type CallName } from '../../../shared/contract.js';
import type { CallMeta, Handlers } from '../api/handlers.js';
import type { Clock } from '../util/clock.js';
import type { AuditLog } from './audit-log.js';
import type { ManagerPins } from './manager-pin.js';

/** Calls whose service writes its own detailed audit entry in the same transaction as the change
 * (or that change nothing). Every other manager call gets a generic entry here. */
const SELF_AUDITED: ReadonlySet<CallName> = new Set<CallName>([
  'pauseStore',
  'resumeStore',
  'setAvailability',
  'changeManagerPin',
  'verifyManagerPin',
  'updateSettings',
  'disconnectStream',
]);

type AnyHandler = (input: unknown, meta: CallMeta) => unknown;

export function guardManagerCalls(
  handlers: Handlers,
  pins: ManagerPins,
  audit: AuditLog,
  clock: Clock,
): Handlers {
  const guarded = { ...handlers } as unknown as Record<CallName, AnyHandler>;
  for (const name of Object.keys(localApi) as CallName[]) {
    const inner = guarded[name];
    if (!isManagerCall(name) || !inner) continue;
    guarded[name] = async (input, meta) => {
      await pins.authorize(meta.managerPin, meta.actor, name);
      const output = await inner(input, { ...meta, manager: true });
      if (!SELF_AUDITED.has(name)) {
        const fields = (input ?? {}) as { id?: unknown; reason?: unknown };
        audit.record({
          at: clock.now(),
          actor: meta.actor,
          action: `api.${name}`,
          target: typeof fields.id === 'string' ? fields.id : null,
          reason: typeof fields.reason === 'string' ? fields.reason : null,
          managerPin: true,
        });
      }
      return output;
    };
  }
  return guarded as unknown as Handlers;
}
