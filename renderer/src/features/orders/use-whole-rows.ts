// The new-order cards show in whole rows only: the list is as tall as the rows that fit wholly in
// the lane (the banners below the screen take their room first), scrolls a row at a time (CSS
// scroll snap, cards.css), and says how many cards wait below. So a banner that comes never leaves
// a card cut in half behind it, with its Accept out of sight (rush.test.ts checks no card's box
// meets a banner's at 1024×768 and 1366×768).
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface RowsView {
  /** Cards above / below the visible rows (0 when every card is in sight). */
  above: number;
  below: number;
  /** Scroll the list one row down (+1) or up (−1). */
  scroll: (rows: 1 | -1) => void;
}

export function useWholeRows(
  lane: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  count: number,
): RowsView {
  const [hidden, setHidden] = useState({ above: 0, below: 0 });

  useLayoutEffect(() => {
    const laneEl = lane.current;
    const listEl = list.current;
    if (!laneEl || !listEl) {
      setHidden({ above: 0, below: 0 });
      return undefined;
    }
    const countHidden = (): void => {
      const box = listEl.getBoundingClientRect();
      let above = 0;
      let below = 0;
      for (const li of listEl.children) {
        const r = li.getBoundingClientRect();
        if (r.top >= box.bottom - 1) below++;
        else if (r.bottom <= box.top + 1) above++;
      }
      setHidden((h) => (h.above === above && h.below === below ? h : { above, below }));
    };
    const fit = (): void => {
      const first = listEl.firstElementChild as HTMLElement | null;
      if (!first) return;
      const style = getComputedStyle(listEl);
      const gap = parseFloat(style.rowGap) || 0;
      const row = first.getBoundingClientRect().height + gap;
      // Room from the list's top to the lane's bottom edge (inside its padding).
      const laneBox = laneEl.getBoundingClientRect();
      const room =
        laneBox.bottom -
        parseFloat(getComputedStyle(laneEl).paddingBottom) -
        listEl.getBoundingClientRect().top;
      const rows = Math.floor((room + gap) / row);
      // Not even one whole row fits (large text under the Missed group and a banner): the list
      // takes the room there is and scrolls freely, so every card's buttons can still be reached.
      listEl.toggleAttribute('data-tight', rows < 1);
      listEl.style.maxHeight = `${rows < 1 ? Math.max(room, 0) : rows * row - gap}px`;
      countHidden();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(laneEl);
    observer.observe(listEl);
    listEl.addEventListener('scroll', countHidden, { passive: true });
    return () => {
      observer.disconnect();
      listEl.removeEventListener('scroll', countHidden);
      listEl.style.maxHeight = '';
      listEl.removeAttribute('data-tight');
    };
  }, [lane, list, count]);

  return {
    ...hidden,
    scroll: (rows) => {
      const listEl = list.current;
      const first = listEl?.firstElementChild as HTMLElement | null;
      if (!listEl || !first) return;
      const gap = parseFloat(getComputedStyle(listEl).rowGap) || 0;
      listEl.scrollBy({ top: rows * (first.getBoundingClientRect().height + gap) });
    },
  };
}
