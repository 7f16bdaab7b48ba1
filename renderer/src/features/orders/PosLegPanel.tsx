// The order's way into the store's POS and onto the kitchen printer (issue 4's POS leg): where
// it is in words, the POS's reference, and what staff can do when it did not get there: try
// again, or say it was typed in by hand (with the POS's check number when they have it). Also
// the reprint of the kitchen ticket. Follows `pos.updated` / `pos.attention` push events live.
import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../../shared/domain.js';
import type { PosLeg, PosTarget } from '../../../../shared/pos.js';
import { useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { texts } from '../../i18n/texts.js';
import { explain } from '../../ui/explain.js';
import { newestLegs } from './pos-legs.js';
import { clockTime } from '../../ui/format.js';
import { POS_LEG } from './texts.js';

const targetLabel = (target: PosTarget): string => texts(POS_LEG).target[target];
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
      notify('error', failed(explain(err)));
    } finally {
      setBusy(false);
    }
  };

  if (!legs || legs.length === 0) return null;
  const sorted = [...legs].sort((a, b) => a.target.localeCompare(b.target));
  const printer = legs.some((l) => l.target === 'printer');
  const t = texts(POS_LEG);
  return (
    <section className="pos-legs" aria-labelledby="detail-pos" data-testid="pos-legs">
      <h3 id="detail-pos">{t.title}</h3>
      {sorted.map((leg) => (
        <LegRow
          key={leg.target}
          leg={leg}
          busy={busy}
          onRetry={() =>
            void act(
              t.retrying(targetLabel(leg.target)),
              (why) => t.retryFailed(targetLabel(leg.target), why),
              () => api.retryOrderPos({ id: orderId, target: leg.target }),
            )
          }
          onByHand={(posOrderId) =>
            void act(
              t.markedByHand(targetLabel(leg.target)),
              (why) => t.markByHandFailed(targetLabel(leg.target), why),
              () =>
                api.markOrderEnteredByHand({
                  id: orderId,
                  target: leg.target,
                  ...(posOrderId ? { posOrderId } : {}),
                }),
            )
          }
        />
      ))}
      {printer && REPRINTABLE.includes(status) && (
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          onClick={() =>
            void act(t.reprinted, t.reprintFailed, () => api.reprintOrder({ id: orderId }))
          }
        >
          {t.reprint}
        </button>
      )}
    </section>
  );
}

/** The leg in words: what happened, and whether staff must act. */
export function legWords(leg: PosLeg): { text: string; alarm: boolean } {
  const t = texts(POS_LEG);
  const pos = leg.target === 'pos';
  const tries = t.tries(leg.failures);
  const error = leg.lastError || null;
  if (leg.voidState === 'failed') return { text: t.voidFailed(leg.voidError || null), alarm: true };
  if (leg.voidState === 'sent' || leg.voidState === 'queued')
    return { text: leg.voidState === 'sent' ? t.voided : t.voiding, alarm: false };
  if (leg.notInPos || leg.state === 'failed')
    return {
      text: t.failedWithTries(pos ? t.notInPos : t.notPrinted, tries, error),
      alarm: true,
    };
  switch (leg.state) {
    case 'queued':
      return {
        text: leg.failures ? t.sendingAgain(pos, tries, error) : pos ? t.sending : t.printing,
        alarm: false,
      };
    case 'sent': {
      const at = leg.sentAt ? clockTime(leg.sentAt) : null;
      return { text: pos ? t.inPos(leg.posOrderId || null, at) : t.printed(at), alarm: false };
    }
    case 'manual':
      return {
        text: t.byHand(pos, leg.manualBy || null, leg.posOrderId || null),
        alarm: false,
      };
    case 'withdrawn':
      return { text: t.withdrawn(pos), alarm: false };
    default:
      return { text: leg.state, alarm: false };
  }
}

interface LegProps {
  leg: PosLeg;
  busy: boolean;
  onRetry: () => void;
  onByHand: (posOrderId: string) => void;
}

function LegRow({ leg, busy, onRetry, onByHand }: LegProps) {
  const [byHand, setByHand] = useState(false);
  const [check, setCheck] = useState('');
  const { text, alarm } = legWords(leg);
  const t = texts(POS_LEG);
  // Staff can act while the order is not where it should be (and not canceled).
  const stuck = (leg.notInPos || leg.state === 'failed') && leg.voidState === null;
  return (
    <div
      className={`pos-leg${alarm ? ' pos-leg--alarm' : ''}`}
      data-testid={`pos-leg-${leg.target}`}
      data-state={leg.state}
      role={alarm ? 'alert' : undefined}
    >
      <p className="pos-leg__line">
        {/* A warning names its target itself ("NOT IN THE POS", "NOT PRINTED"). */}
        {alarm ? <Icon name="warning" /> : <strong>{targetLabel(leg.target)}: </strong>}
        <span>{text}</span>
      </p>
      {stuck && !byHand && (
        <div className="pos-leg__buttons">
          <button
            type="button"
            className="button button--step button--small"
            disabled={busy}
            onClick={onRetry}
          >
            {t.tryAgain}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            onClick={() => setByHand(true)}
          >
            {leg.target === 'pos' ? t.enteredByHand : t.doneByHand}
          </button>
        </div>
      )}
      {stuck && byHand && (
        <form
          className="pos-leg__buttons"
          onSubmit={(e) => {
            e.preventDefault();
            onByHand(check.trim());
          }}
        >
          {leg.target === 'pos' && (
            <label className="field field--inline">
              <span>{t.checkNumber}</span>
              <input
                value={check}
                maxLength={100}
                onChange={(e) => setCheck(e.target.value)}
                autoFocus
              />
            </label>
          )}
          <button type="submit" className="button button--accept button--small" disabled={busy}>
            {t.confirm}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setByHand(false)}
          >
            {t.back}
          </button>
        </form>
      )}
    </div>
  );
}
