// The in-progress lane in whole rows too (use-whole-rows.ts does it for the new orders): its rows
// differ in height, so it measures each card instead of one row, ends its scroller at the last
// card wholly in the lane's room, and counts the rest for "↑ N" / "↓ N".
import { useLayoutEffect, useState, type RefObject } from 'react';
import { roomBelow } from './use-whole-rows.js';

export interface CardsView {
  above: number;
  below: number;
  /** Scroll one row down (+1) or up (−1): a row, or a group's title with its first row, at the top. */
  scroll: (step: 1 | -1) => void;
}

/**
 * The in-progress lane's rows, whole as well: its groups scroll in `scroller`, which ends at the
 * foot of the last card wholly in the lane's room (the rows differ in height: driver news, a
 * street, a delivery warning), so no row is ever shown cut at the edge with its button out of
 * sight; the rest are counted. Scrolling stops at a card's or a group title's top (board.css).
 */
export function useWholeCards(
  lane: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
  count: number,
): CardsView {
  const [hidden, setHidden] = useState({ above: 0, below: 0 });

  useLayoutEffect(() => {
    const laneEl = lane.current;
    const box = scroller.current;
    const content = box?.firstElementChild;
    if (!laneEl || !box || !content) {
      setHidden({ above: 0, below: 0 });
      return undefined;
    }
    const fit = (): void => {
      const from = box.scrollTop;
      const { cards, height } = wholeFrom(laneEl, box, from);
      box.style.maxHeight = `${height}px`;
      let above = 0;
      let below = 0;
      for (const c of cards) {
        if (c.bottom <= from + 1) above++;
        else if (c.top >= from + height - 1) below++;
      }
      setHidden((h) => (h.above === above && h.below === below ? h : { above, below }));
    };
    // A card chosen by key below the edge: brought to the top, wholly in sight. Not on a tap (its
    // focus is not :focus-visible): the row would move under the finger before it lifts, and the
    // tap that was to open it would land on nothing (stream-truth e2e lost such a tap).
    const onFocus = (event: FocusEvent): void => {
      const target = event.target as HTMLElement;
      const card = target.closest<HTMLElement>('[data-board-card]');
      if (!card || !target.matches(':focus-visible')) return;
      const r = card.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (r.top < b.top - 1 || r.bottom > b.bottom + 1)
        scrollWhole(laneEl, box, r.top - b.top + box.scrollTop);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(laneEl);
    observer.observe(content);
    for (const el of laneEl.children) if (el !== box) observer.observe(el);
    box.addEventListener('scroll', fit, { passive: true });
    box.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', fit);
      box.removeEventListener('focusin', onFocus);
      box.style.maxHeight = '';
    };
  }, [lane, scroller, count]);

  return {
    ...hidden,
    scroll: (step) => {
      const box = scroller.current;
      const laneEl = lane.current;
      if (!box || !laneEl) return;
      const top = box.getBoundingClientRect().top;
      // One row further: each row's top, or its group title's for the first row of a group.
      const stops = [...box.querySelectorAll<HTMLElement>('.lane__list > li')]
        .map((li) => (li.previousElementSibling ? li : li.closest('.lane__group')!))
        .map((el) => Math.round(el.getBoundingClientRect().top - top + box.scrollTop))
        .sort((a, b) => a - b);
      const from = box.scrollTop;
      const next =
        step > 0 ? stops.find((s) => s > from + 1) : [...stops].reverse().find((s) => s < from - 1);
      scrollWhole(laneEl, box, next ?? (step > 0 ? from : 0));
    },
  };
}

type Edges = { top: number; bottom: number };

/** With the scroller's content scrolled to `from`: its cards' edges in the content's coordinates
 * (0 = its top), and the scroller's height that ends at the last card wholly in the lane's room
 * (the room itself when not one card fits: it then scrolls freely, every button reachable). */
function wholeFrom(laneEl: HTMLElement, box: HTMLElement, from: number) {
  const top = box.getBoundingClientRect().top;
  const room = roomBelow(laneEl, top);
  const cards: Edges[] = [...box.querySelectorAll<HTMLElement>('[data-board-card]')].map((card) => {
    const r = card.getBoundingClientRect();
    return { top: r.top - top + box.scrollTop, bottom: r.bottom - top + box.scrollTop };
  });
  const fits = cards.filter((c) => c.top >= from - 1 && c.bottom <= from + room + 1);
  const height = fits.length ? Math.max(...fits.map((c) => c.bottom)) - from : room;
  return { cards, height: Math.max(height, 0) };
}

/** Scrolls to `to` with the height it will have there set first: the content's end then allows
 * `to` (the browser would stop short, at a height meant for another place, and cut the top row). */
function scrollWhole(laneEl: HTMLElement, box: HTMLElement, to: number): void {
  box.style.maxHeight = `${wholeFrom(laneEl, box, to).height}px`;
  box.scrollTo({ top: to });
}
