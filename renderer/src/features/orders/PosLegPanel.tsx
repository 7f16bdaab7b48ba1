// The order's way into the store's POS and onto the kitchen printer (issue 4's POS leg): where
// it is in words, the POS's reference, and what staff can do when it did not get there: try
// again, or say it was typed in by hand (with the POS's check number when they have it). Also
// the reprint of the kitchen ticket. Follows `pos.updated` / `pos.attention` push events live.
import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../../shared/domain.js';
import type { PosLeg, PosTarget } from '../../../../shared/pos.js';
import { useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { explain } from './actions.js';
import { newestLegs } from './pos-legs.js';
import { clockTime } from './format.js';

const TARGET_LABEL: Record<PosTarget, string> = { pos: 'POS', printer: 'Kitchen printer' };
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

  const act = async (what: string, call: () => Promise<{ legs: PosLeg[] }>): Promise<void> => {
    setBusy(true);
    try {
      const { legs: answered } = await call();
      setLegs((ls) => newestLegs(ls, answered, orderId));
      notify('info', what);
    } catch (err) {
      notify('error', `${what} failed. ${explain(err)}`);
    } finally {
      setBusy(false);
    }
  };

  if (!legs || legs.length === 0) return null;
  const sorted = [...legs].sort((a, b) => a.target.localeCompare(b.target));
  const printer = legs.some((l) => l.target === 'printer');
  return (
    <section className="pos-legs" aria-labelledby="detail-pos" data-testid="pos-legs">
      <h3 id="detail-pos">POS and kitchen</h3>
      {sorted.map((leg) => (
        <LegRow
          key={leg.target}
          leg={leg}
          busy={busy}
          onRetry={() =>
            void act(`${TARGET_LABEL[leg.target]}: trying again`, () =>
              api.retryOrderPos({ id: orderId, target: leg.target }),
            )
          }
          onByHand={(posOrderId) =>
            void act(`${TARGET_LABEL[leg.target]}: marked as done by hand`, () =>
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
            void act('Ticket sent to the printer again', () => api.reprintOrder({ id: orderId }))
          }
        >
          Reprint kitchen ticket
        </button>
      )}
    </section>
  );
}

/** The leg in words: what happened, and whether staff must act. */
export function legWords(leg: PosLeg): { text: string; alarm: boolean } {
  const pos = leg.target === 'pos';
  const tries = `${leg.failures} failed ${leg.failures === 1 ? 'try' : 'tries'}`;
  const error = leg.lastError ? `: ${leg.lastError}` : '';
  if (leg.voidState === 'failed')
    return {
      text: `Canceled, but the void did not reach the POS${leg.voidError ? `: ${leg.voidError}` : ''}. Void it on the POS by hand.`,
      alarm: true,
    };
  if (leg.voidState === 'sent' || leg.voidState === 'queued')
    return {
      text:
        leg.voidState === 'sent'
          ? 'Canceled and voided in the POS'
          : 'Canceled: voiding it in the POS…',
      alarm: false,
    };
  if (leg.notInPos || leg.state === 'failed')
    return {
      text: `${pos ? 'NOT IN THE POS' : 'NOT PRINTED'} (${tries}${error})`,
      alarm: true,
    };
  switch (leg.state) {
    case 'queued':
      return {
        text: leg.failures
          ? `${pos ? 'Sending to the POS' : 'Printing'}, trying again (${tries}${error})`
          : pos
            ? 'Sending to the POS…'
            : 'Printing…',
        alarm: false,
      };
    case 'sent':
      return {
        text: pos
          ? `In the POS${leg.posOrderId ? ` as check ${leg.posOrderId}` : ''}${leg.sentAt ? ` since ${clockTime(leg.sentAt)}` : ''}`
          : `Printed${leg.sentAt ? ` at ${clockTime(leg.sentAt)}` : ''}`,
        alarm: false,
      };
    case 'manual':
      return {
        text: `${pos ? 'Entered in the POS' : 'Handled'} by hand${leg.manualBy ? ` (${leg.manualBy})` : ''}${leg.posOrderId ? `, check ${leg.posOrderId}` : ''}`,
        alarm: false,
      };
    case 'withdrawn':
      return {
        text: `Not sent: the order ended before it reached the ${pos ? 'POS' : 'printer'}`,
        alarm: false,
      };
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
        {alarm ? <Icon name="warning" /> : <strong>{TARGET_LABEL[leg.target]}: </strong>}
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
            Try again
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            onClick={() => setByHand(true)}
          >
            {leg.target === 'pos' ? 'Entered by hand…' : 'Done by hand…'}
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
              <span>POS check number (if you have it)</span>
              <input
                value={check}
                maxLength={100}
                onChange={(e) => setCheck(e.target.value)}
                autoFocus
              />
            </label>
          )}
          <button type="submit" className="button button--accept button--small" disabled={busy}>
            Confirm
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setByHand(false)}
          >
            Back
          </button>
        </form>
      )}
    </div>
  );
}
