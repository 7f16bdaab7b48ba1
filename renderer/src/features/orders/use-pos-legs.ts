// The POS legs of one order for its details: loaded when the order changes, followed live by the
// `pos.updated` / `pos.attention` push events, and what staff can do to them (try again, entered by
// hand, reprint), each answered with a notice in words.
import { useEffect, useState } from 'react';
import type { PosLeg, PosTarget } from '../../../../shared/pos.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { newestLegs } from './pos-legs.js';
import { POS_LEG } from './texts.js';

export interface PosLegsState {
  /** null while loading; empty when the order has no POS leg (or the core has none). */
  legs: PosLeg[] | null;
  busy: boolean;
  retry: (target: PosTarget) => void;
  byHand: (target: PosTarget, posOrderId: string) => void;
  reprint: () => void;
}

export function usePosLegs(orderId: string, version: number | undefined): PosLegsState {
  const language = useLanguage();
  const { api, onPush, notify } = useServices();
  const [legs, setLegs] = useState<PosLeg[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.getOrderPos({ id: orderId }).then(
      (r) => live && setLegs((ls) => newestLegs(ls, r.legs, orderId)),
      () => live && setLegs([]), // an older core, or no POS leg: nothing to show
    );
    return () => {
      live = false;
    };
  }, [api, orderId, version]);

  useEffect(
    () =>
      onPush((m) => {
        if (m.event !== 'pos.updated' && m.event !== 'pos.attention') return;
        const leg = m.data;
        if (leg.orderId !== orderId) return;
        setLegs((ls) => newestLegs(ls, [leg], orderId));
      }),
    [onPush, orderId],
  );

  const act = async (
    done: string,
    failed: (why: string) => string,
    call: () => Promise<{ legs: PosLeg[] }>,
  ): Promise<void> => {
    setBusy(true);
    try {
      const { legs: answered } = await call();
      setLegs((ls) => newestLegs(ls, answered, orderId));
      notify('info', done);
    } catch (err) {
      notify('error', failed(explain(err, language)));
    } finally {
      setBusy(false);
    }
  };

  const t = useTexts(POS_LEG);
  return {
    legs,
    busy,
    retry: (target) =>
      void act(
        t.retrying(t.target[target]),
        (why) => t.retryFailed(t.target[target], why),
        () => api.retryOrderPos({ id: orderId, target }),
      ),
    byHand: (target, posOrderId) =>
      void act(
        t.markedByHand(t.target[target]),
        (why) => t.markByHandFailed(t.target[target], why),
        () =>
          api.markOrderEnteredByHand({
            id: orderId,
            target,
            ...(posOrderId ? { posOrderId } : {}),
          }),
      ),
    reprint: () => void act(t.reprinted, t.reprintFailed, () => api.reprintOrder({ id: orderId })),
  };
}
