// The new-order cards show in whole rows only: the list is as tall as the rows that fit wholly in
// the lane (the banners below the screen take their room first), scrolls a row at a time (CSS
// scroll snap, cards.css), and says how many cards wait below. So a banner that comes never leaves
// a card cut in half behind it, with its Accept out of sight (rush.test.ts checks no card's box
// meets a banner's at 1024×768 and 1366×768).
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface RowsView {
  /** Cards wholly below the visible rows (0 when every card is in sight). */
  below: number;
  /** Scroll the list one row down. */
  scrollDown: () => void;
}

export function useWholeRows(
  lane: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  count: number,
): RowsView {
  const [below, setBelow] = useState(0);

  useLayoutEffect(() => {
    const laneEl = lane.current;
    const listEl = list.current;
    if (!laneEl || !listEl) {
      setBelow(0);
      return undefined;
    }
    const countBelow = (): void => {
      const bottom = listEl.getBoundingClientRect().bottom;
      let n = 0;
      for (const li of listEl.children) if (li.getBoundingClientRect().top >= bottom - 1) n++;
      setBelow(n);
    };
    const fit = (): void => {
      const first = listEl.firstElementChild as HTMLElement | null;
      if (!first) return;
      const style = getComputedStyle(listEl);
      const gap = parseFloat(style.rowGap) || 0;
      const pad = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const row = first.getBoundingClientRect().height + gap;
      // Room from the list's top to the lane's bottom edge (inside its padding).
      const laneBox = laneEl.getBoundingClientRect();
      const room =
        laneBox.bottom -
        parseFloat(getComputedStyle(laneEl).paddingBottom) -
        listEl.getBoundingClientRect().top;
      const rows = Math.max(1, Math.floor((room - pad + gap) / row));
      listEl.style.maxHeight = `${rows * row - gap + pad}px`;
      countBelow();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(laneEl);
    observer.observe(listEl);
    listEl.addEventListener('scroll', countBelow, { passive: true });
    return () => {
      observer.disconnect();
      listEl.removeEventListener('scroll', countBelow);
      listEl.style.maxHeight = '';
    };
  }, [lane, list, count]);

  return {
    below,
    scrollDown: () => {
      const listEl = list.current;
      const first = listEl?.firstElementChild as HTMLElement | null;
      if (!listEl || !first) return;
      const gap = parseFloat(getComputedStyle(listEl).rowGap) || 0;
      listEl.scrollBy({ top: first.getBoundingClientRect().height + gap });
    },
  };
}
