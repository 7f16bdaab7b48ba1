// The order's way into the store's POS and onto the kitchen printer (issue 4's POS leg): where
// it is in words, the POS's reference, and what staff can do when it did not get there: try
// again, or say it was typed in by hand (with the POS's check number when they have it). Also
// the reprint of the kitchen ticket. State and actions: use-pos-legs.ts; one leg: PosLegRow.tsx.
import type { OrderStatus } from '../../../../shared/domain.js';
import { useTexts } from '../../i18n/context.js';
import { LegRow } from './PosLegRow.js';
import { POS_LEG } from './texts.js';
import { usePosLegs } from './use-pos-legs.js';

/** Orders with a ticket worth printing again: taken and not finished with a refusal. */
const REPRINTABLE: readonly OrderStatus[] = [
  'accepted',
  'preparing',
  'ready',
  'out_for_delivery',
  'completed',
  'canceled',
];

interface Props {
  orderId: string;
  status: OrderStatus;
  /** Reload when the order changes (a status step may start the POS leg). */
  version: number | undefined;
}

export function PosLegPanel({ orderId, status, version }: Props) {
  const { legs, busy, retry, byHand, reprint } = usePosLegs(orderId, version);
  if (!legs || legs.length === 0) return null;
  const sorted = [...legs].sort((a, b) => a.target.localeCompare(b.target));
  const printer = legs.some((l) => l.target === 'printer');
  const t = useTexts(POS_LEG);
  return (
    <section className="pos-legs" aria-labelledby="detail-pos" data-testid="pos-legs">
      <h3 id="detail-pos">{t.title}</h3>
      {sorted.map((leg) => (
        <LegRow
          key={leg.target}
          leg={leg}
          busy={busy}
          onRetry={() => retry(leg.target)}
          onByHand={(posOrderId) => byHand(leg.target, posOrderId)}
        />
      ))}
      {printer && REPRINTABLE.includes(status) && (
        <button type="button" className="button button--ghost" disabled={busy} onClick={reprint}>
          {t.reprint}
        </button>
      )}
    </section>
  );
}
