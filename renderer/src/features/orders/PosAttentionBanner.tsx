// "Not in the POS" must not wait for someone to open the order: a banner for every order the
// POS leg flagged (or whose void did not reach the POS), from the POS status read at every
// (re)connect (services.posStatus) and the `pos.attention` / `pos.updated` push events after.
// It goes away once the leg is settled (sent, retried into the POS, entered by hand); Open shows
// the order with its Try again.
import { useEffect, useState } from 'react';
import type { PosLeg } from '../../../../shared/pos.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { useTexts } from '../../i18n/context.js';
import { orderNumber } from '../../ui/labels.js';
import { POS_LEG } from './texts.js';

/** A leg staff must act on. */
export function needsStaff(leg: PosLeg): boolean {
  return leg.notInPos || leg.state === 'failed' || leg.voidState === 'failed';
}

const key = (leg: PosLeg) => `${leg.orderId}|${leg.target}`;

export function PosAttentionBanner({ onOpen }: { onOpen: (id: string) => void }) {
  const { onPush, posStatus } = useServices();
  const status = useObservable(posStatus);
  const [legs, setLegs] = useState<ReadonlyMap<string, PosLeg>>(new Map());

  // Read again at every (re)connect: the list may have changed while the push channel was down.
  useEffect(() => {
    if (status) setLegs(new Map(status.attention.filter(needsStaff).map((l) => [key(l), l])));
  }, [status]);

  useEffect(
    () =>
      onPush((m) => {
        if (m.event !== 'pos.attention' && m.event !== 'pos.updated') return;
        const leg = m.data;
        setLegs((current) => {
          const next = new Map(current);
          if (needsStaff(leg)) next.set(key(leg), leg);
          else next.delete(key(leg));
          return next;
        });
      }),
    [onPush],
  );

  if (legs.size === 0) return null;
  const t = useTexts(POS_LEG);
  return (
    <div className="pos-attention">
      {[...legs.values()].map((leg) => (
        <div
          key={key(leg)}
          className="pos-attention__banner"
          role="alert"
          data-testid="pos-attention"
          data-order-id={leg.orderId}
        >
          <Icon name="warning" size="1.8em" />
          <span className="pos-attention__text">
            <strong>
              {leg.voidState === 'failed'
                ? t.voidNotInPos
                : leg.target === 'pos'
                  ? t.notInPos
                  : t.notPrinted}
            </strong>{' '}
            {t.bannerOrder(orderNumber({ dspOrderNumber: leg.dspOrderNumber, id: leg.orderId }))}
            {leg.lastError || leg.voidError ? (
              <small> · {leg.voidState === 'failed' ? leg.voidError : leg.lastError}</small>
            ) : null}
          </span>
          <button
            type="button"
            className="button button--strip"
            onClick={() => onOpen(leg.orderId)}
          >
            {t.open}
          </button>
        </div>
      ))}
    </div>
  );
}
