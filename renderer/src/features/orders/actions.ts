// What staff do to an order, with the answers folded back into the board at once (the push
// event follows, but the tap must feel instant) and every failure said in words.
import { useCallback, useMemo, useState } from 'react';
import type { RejectCode, StaffStatus } from '../../../../shared/domain.js';
import { LocalApiError } from '../../api/client.js';
import { useServices } from '../../app/hooks.js';

export interface OrderActions {
  busy: ReadonlySet<string>;
  accept: (id: string, prepTimeMinutes: number) => Promise<boolean>;
  reject: (
    id: string,
    code: RejectCode,
    reason?: string,
    unavailable?: { type: 'item' | 'modifier'; providerId: string }[],
  ) => Promise<boolean>;
  setStatus: (id: string, status: StaffStatus) => Promise<boolean>;
}

export function explain(err: unknown): string {
  if (err instanceof LocalApiError) {
    if (err.code === 'window_closed')
      return 'Too late: the time to decide on this order has run out.';
    if (err.code === 'already_decided') return `Someone already decided: ${err.message}.`;
    return err.message;
  }
  return (err as Error).message ?? String(err);
}

export function useOrderActions(): OrderActions {
  const { api, orders, alerts, notify } = useServices();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    async (
      id: string,
      what: string,
      call: () => Promise<Parameters<typeof orders.upsert>[0]>,
    ): Promise<boolean> => {
      setBusy((b) => new Set(b).add(id));
      alerts.acknowledge(id);
      try {
        orders.upsert(await call());
        return true;
      } catch (err) {
        notify('error', `${what} failed. ${explain(err)}`);
        return false;
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(id);
          return next;
        });
      }
    },
    [alerts, notify, orders],
  );

  return useMemo(
    () => ({
      busy,
      accept: (id, prepTimeMinutes) =>
        run(id, 'Accept', () => api.acceptOrder({ id, prepTimeMinutes })),
      reject: (id, code, reason, unavailable) =>
        run(id, 'Reject', () =>
          api.rejectOrder({
            id,
            code,
            reason: reason || undefined,
            unavailable: unavailable?.length ? unavailable : undefined,
          }),
        ),
      setStatus: (id, status) => run(id, 'Status change', () => api.setOrderStatus({ id, status })),
    }),
    [api, busy, run],
  );
}
