// What staff do to an order, with the answers folded back into the board at once (the push
// event follows, but the tap must feel instant) and every failure said in words.
import { useCallback, useMemo, useState } from 'react';
import type { RejectCode, StaffStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { useManagerAction } from '../../ui/ManagerPin.js';
import { explain } from '../../ui/explain.js';
import { ACTIONS } from './texts.js';

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
  /** Staff cancel an accepted order (Stream and the POS are told by the core). */
  cancel: (id: string, reason: string) => Promise<boolean>;
}

export function useOrderActions(): OrderActions {
  const language = useLanguage();
  const { api, orders, alerts, notify } = useServices();
  const withPin = useManagerAction();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const t = useTexts(ACTIONS);
  const run = useCallback(
    async (
      id: string,
      /** Which failure message to show: a key of ACTIONS' `failed`. */
      what: keyof (typeof ACTIONS.en)['failed'],
      /** Answers null when staff backed out (closed the PIN keypad): nothing to report. */
      call: () => Promise<OrderSummary | null>,
    ): Promise<boolean> => {
      setBusy((b) => new Set(b).add(id));
      alerts.acknowledge(id);
      try {
        const answer = await call();
        if (answer) orders.upsert(answer);
        return answer !== null;
      } catch (err) {
        notify('error', t.failed[what](explain(err, language)));
        return false;
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(id);
          return next;
        });
      }
    },
    [alerts, language, notify, orders, t],
  );

  return useMemo(
    () => ({
      busy,
      accept: (id, prepTimeMinutes) =>
        run(id, 'accept', () => api.acceptOrder({ id, prepTimeMinutes })),
      reject: (id, code, reason, unavailable) =>
        run(id, 'reject', () =>
          api.rejectOrder({
            id,
            code,
            reason: reason || undefined,
            unavailable: unavailable?.length ? unavailable : undefined,
          }),
        ),
      setStatus: (id, status) => run(id, 'status', () => api.setOrderStatus({ id, status })),
      cancel: (id, reason) => {
        alerts.expectOwnCancel(id);
        // A manager action: the keypad asks for the PIN (the core answers 403 without it).
        return run(id, 'cancel', () =>
          withPin(t.cancelThisOrder, (pin) => api.cancelOrder({ id, reason }, { managerPin: pin })),
        );
      },
    }),
    [alerts, api, busy, run, withPin, t],
  );
}
