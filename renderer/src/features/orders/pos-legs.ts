import type { PosLeg } from '../../../../shared/pos.js';

/**
 * Each target's newest copy. A call's answer and the push channel travel apart, so an answer can
 * land after a push that is newer than it (Try again answers `queued` while the push already
 * said `sent`); the leg's revision decides, not the order of arrival.
 */
export function newestLegs(
  known: readonly PosLeg[] | null,
  incoming: readonly PosLeg[],
  orderId: string,
): PosLeg[] {
  const byTarget = new Map(
    (known ?? []).filter((l) => l.orderId === orderId).map((l) => [l.target, l]),
  );
  for (const leg of incoming) {
    if (leg.orderId !== orderId) continue;
    const held = byTarget.get(leg.target);
    if (!held || held.revision <= leg.revision) byTarget.set(leg.target, leg);
  }
  return [...byTarget.values()];
}
