// Whether Stream has what staff told it: the delivery state of one outbox event, as every screen
// shows it (a card, the order detail, the Store screen). The state is the outbox row's, never
// assumed; `deliveryView` turns it into the three states staff read, at a given time.
import { z } from 'zod';
import { OutboxState } from './outbox.js';

export const Delivery = z.object({
  /** The outbox event id (what a Retry replays). */
  eventId: z.string(),
  /** `order.accepted`, `order.rejected`, `order.status.updated`, `location.status.updated` … */
  kind: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  /** When it was written, or last replayed by a Retry. */
  createdAt: z.number().int(),
  nextAttemptAt: z.number().int(),
  sentAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** A decision races Stream's window: not delivered by then, Stream has probably canceled. */
  deadlineAt: z.number().int().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

/** An event still not delivered this long after it was written is reported as not received
 * (with a Retry), instead of "Telling Stream…" for ever. */
export const NOT_RECEIVED_AFTER_MS = 20_000;

export type DeliveryView =
  | { state: 'sent'; at: number; late: boolean }
  /** Closed unsent, for good: Stream had failed the order first (chains, `pos_offline`). */
  | { state: 'withdrawn' }
  | { state: 'sending'; attempts: number; nextTryAt: number }
  | {
      state: 'failed';
      /** `late`: a decision past Stream's window; `refused`: Stream refused it or we gave up;
       * `stuck`: still trying, for longer than NOT_RECEIVED_AFTER_MS. */
      why: 'late' | 'refused' | 'stuck';
      attempts: number;
      lastError: string | null;
    };

export function deliveryView(d: Delivery, now: number): DeliveryView {
  if (d.state === 'withdrawn') return { state: 'withdrawn' };
  if (d.state === 'sent') {
    const at = d.sentAt ?? d.createdAt;
    return { state: 'sent', at, late: d.deadlineAt !== null && at > d.deadlineAt };
  }
  const failed = (why: 'late' | 'refused' | 'stuck'): DeliveryView => ({
    state: 'failed',
    why,
    attempts: d.attempts,
    lastError: d.lastError,
  });
  if (d.deadlineAt !== null && now >= d.deadlineAt) return failed('late');
  if (d.state === 'dead') return failed('refused');
  if (now - d.createdAt >= NOT_RECEIVED_AFTER_MS) return failed('stuck');
  return { state: 'sending', attempts: d.attempts, nextTryAt: d.nextAttemptAt };
}

/** An accept Stream did not get inside its window (or got late): the kitchen must not cook it
 * until Stream confirms the order. */
export function acceptAtRisk(d: Delivery | null, now: number): boolean {
  if (!d || d.kind !== 'order.accepted') return false;
  const view = deliveryView(d, now);
  return (view.state === 'failed' && view.why === 'late') || (view.state === 'sent' && view.late);
}
