// When the counter makes noise, as plain functions of the orders and the time. The rules:
// - a pending order nobody has acknowledged rings every few seconds;
// - in its last seconds, every pending order sounds the urgent tone, acknowledged or not,
//   because losing an order is worse than noise;
// - a cancellation sounds its own tone until someone confirms they saw it;
// - sounds never overlap: one at a time, urgent first, then cancels, then new orders.
import type { OrderSummary } from '../../../../shared/order.js';
import { URGENT_WITHIN_MS } from '../../ui/urgency.js';
import type { SoundName } from './sound-player.js';

export const REPEAT_MS: Record<SoundName, number> = {
  urgent: 2_500,
  cancel: 6_000,
  'new-order': 5_000,
  /** Played once per missed order (alert-controller.ts `missedArrived`), never repeated. */
  missed: Number.POSITIVE_INFINITY,
};
/** The shortest gap between two sounds, so the chime and the cancel tone never blur together. */
export const MIN_GAP_MS = 1_400;

export interface AlertPicture {
  /** Pending, not acknowledged. */
  ringing: string[];
  /** Pending with little time left (acknowledged or not). */
  urgent: string[];
  /** Pending orders the chime has not announced yet. */
  fresh: string[];
  cancels: number;
}

export function alertPicture(
  pending: readonly OrderSummary[],
  acknowledged: ReadonlySet<string>,
  announced: ReadonlySet<string>,
  cancels: number,
  serverNow: number,
): AlertPicture {
  const ringing: string[] = [];
  const urgent: string[] = [];
  const fresh: string[] = [];
  for (const o of pending) {
    const left = o.staffDeadlineAt === null ? Infinity : o.staffDeadlineAt - serverNow;
    if (left <= 0) continue; // the core applies the timeout policy; nothing left to win
    if (left <= URGENT_WITHIN_MS) urgent.push(o.id);
    if (!acknowledged.has(o.id)) {
      ringing.push(o.id);
      if (!announced.has(o.id)) fresh.push(o.id);
    }
  }
  return { ringing, urgent, fresh, cancels };
}

export type LastPlayed = Partial<Record<SoundName, number>> & { any?: number };

export function soundDue(picture: AlertPicture, last: LastPlayed, now: number): SoundName | null {
  if (last.any !== undefined && now - last.any < MIN_GAP_MS) return null;
  const due = (name: SoundName): boolean =>
    last[name] === undefined || now - last[name] >= REPEAT_MS[name];
  if (picture.urgent.length) return due('urgent') ? 'urgent' : null;
  if (picture.cancels > 0 && due('cancel')) return 'cancel';
  if (picture.fresh.length) return 'new-order';
  if (picture.ringing.length && due('new-order')) return 'new-order';
  return null;
}
