// History follows the day as it happens: orders that arrive or change while it is open (or
// while it waits hidden behind another screen) bring the search up to date by themselves —
// unless staff have scrolled down into the list, where replacing the rows under their finger
// would lose their place; then the screen offers the new ones instead (the returned count).
import { useEffect, useState } from 'react';
import { useServices } from '../../app/hooks.js';

/** Changes within this wait are one refresh (a status step often comes with a POS answer). */
export const AUTO_REFRESH_MS = 800;

/**
 * `refreshed` changes on every new search (it clears what was seen); `refresh` asks for one.
 * Returns how many orders changed since the search that staff are not seeing yet.
 */
export function useChangedOrders(
  active: boolean,
  atTop: boolean,
  refreshed: number,
  refresh: () => void,
): number {
  const { onPush } = useServices();
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());

  useEffect(
    () =>
      onPush((m) => {
        if (
          m.event !== 'order.created' &&
          m.event !== 'order.updated' &&
          m.event !== 'order.canceled'
        )
          return;
        const { id } = m.data;
        setChanged((ids) => (ids.has(id) ? ids : new Set(ids).add(id)));
      }),
    [onPush],
  );

  useEffect(() => setChanged(new Set()), [refreshed]);

  // The first change starts the wait and later ones ride along: a timer restarted by every
  // change would never fire while orders keep changing (a rush, or answers being retried).
  const due = changed.size > 0 && active && atTop;
  useEffect(() => {
    if (!due) return;
    const timer = setTimeout(refresh, AUTO_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [due, refresh]);

  return active && !atTop ? changed.size : 0;
}
