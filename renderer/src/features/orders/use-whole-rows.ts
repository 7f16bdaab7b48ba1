// The new-order cards show in whole rows only: the list is as tall as the rows that fit wholly in
// the lane (the banners below the screen take their room first), scrolls a row at a time (CSS
// scroll snap, cards.css), and says how many cards wait below. So a banner that comes never leaves
// a card cut in half behind it, with its Accept out of sight (rush.test.ts checks no card's box
// meets a banner's at 1024×768 and 1366×768).
//
// Nor does it leave a row's room empty: when the cards would fit one more row with fewer lines of
// what to cook on each, every card gives up those lines (down to MIN_CARD_ROWS; what is cut is
// counted on the card, "+2 more · Details"). More orders in sight beats more lines per order in a
// rush: a cashier must see an order to answer it in its 60 s.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { CARD_ROWS } from './kitchen-rows.js';

/** The fewest text rows a card keeps: an order note, the first line, and "+N more". */
export const MIN_CARD_ROWS = 3;

export interface RowsView {
  /** Cards above / below the visible rows (0 when every card is in sight). */
  above: number;
  below: number;
  /** Text rows each card has for badges and what to cook (CARD_ROWS unless room is short). */
  cardRows: number;
  /** Scroll the list one row down (+1) or up (−1). */
  scroll: (rows: 1 | -1) => void;
}

/** How many text rows each card gets so the most rows of cards fit wholly in `room` (the most
 * text rows among those), and how many card rows that is. `fullCard` is a card's height with
 * CARD_ROWS text rows; `textRow` one text row's height. */
export function cardRowsFor(
  room: number,
  fullCard: number,
  textRow: number,
  gap: number,
): { cardRows: number; rows: number } {
  const rowsAt = (cardRows: number) =>
    Math.floor((room + gap) / (fullCard - (CARD_ROWS - cardRows) * textRow + gap));
  let best = { cardRows: CARD_ROWS, rows: rowsAt(CARD_ROWS) };
  for (let cardRows = CARD_ROWS - 1; cardRows >= MIN_CARD_ROWS; cardRows--) {
    const rows = rowsAt(cardRows);
    if (rows > best.rows) best = { cardRows, rows };
  }
  return best;
}

/** The room from `top` (a list's or scroller's top, in the window) to the lane's bottom edge,
 * inside its padding: what the lane's rows may fill. */
export function roomBelow(laneEl: HTMLElement, top: number): number {
  return (
    laneEl.getBoundingClientRect().bottom - parseFloat(getComputedStyle(laneEl).paddingBottom) - top
  );
}

export function useWholeRows(
  lane: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  count: number,
): RowsView {
  const [hidden, setHidden] = useState({ above: 0, below: 0 });
  const [cardRows, setCardRows] = useState(CARD_ROWS);

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
      const gap = parseFloat(getComputedStyle(listEl).rowGap) || 0;
      // The card as it is now, and what one text row of its body measures (cards.css: the body is
      // exactly --card-rows rows of --row each, so a card's height moves by whole text rows).
      const body = first.querySelector<HTMLElement>('.pending-card__body');
      const textRow = body ? parseFloat(getComputedStyle(body).lineHeight) || 0 : 0;
      const shownRows = Number(listEl.style.getPropertyValue('--card-rows')) || CARD_ROWS;
      const fullCard = first.getBoundingClientRect().height + (CARD_ROWS - shownRows) * textRow;
      const room = roomBelow(laneEl, listEl.getBoundingClientRect().top);
      const fitted = cardRowsFor(room, fullCard, textRow, gap);
      // Not even one whole row fits (large text under the Missed group and a banner): the list
      // takes the room there is and scrolls freely, so every card's buttons can still be reached;
      // its cards keep all their lines.
      const tight = fitted.rows < 1;
      const rows = tight ? CARD_ROWS : fitted.cardRows;
      const row = fullCard - (CARD_ROWS - rows) * textRow + gap;
      listEl.style.setProperty('--card-rows', String(rows));
      setCardRows(rows);
      listEl.toggleAttribute('data-tight', tight);
      listEl.style.maxHeight = `${tight ? Math.max(room, 0) : fitted.rows * row - gap}px`;
      countHidden();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(laneEl);
    observer.observe(listEl);
    // The lane's head ("↓ N more" comes and goes) moves the list without resizing it.
    for (const el of laneEl.children) if (el !== listEl) observer.observe(el);
    listEl.addEventListener('scroll', countHidden, { passive: true });
    return () => {
      observer.disconnect();
      listEl.removeEventListener('scroll', countHidden);
      listEl.style.maxHeight = '';
      listEl.style.removeProperty('--card-rows');
      listEl.removeAttribute('data-tight');
    };
  }, [lane, list, count]);

  return {
    ...hidden,
    cardRows,
    scroll: (rows) => {
      const listEl = list.current;
      const first = listEl?.firstElementChild as HTMLElement | null;
      if (!listEl || !first) return;
      const gap = parseFloat(getComputedStyle(listEl).rowGap) || 0;
      listEl.scrollBy({ top: rows * (first.getBoundingClientRect().height + gap) });
    },
  };
}
