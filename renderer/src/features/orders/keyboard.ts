// Keyboard shortcuts for the counter, and for a kitchen bump bar (it sends keys): ↑ / ↓ choose
// the card, ← / → jump between new orders and orders in progress, Space or B bumps the chosen
// order (accepts a new one, moves one in progress to its next step), A accept, R reject, + / −
// prep time, Enter details. They act on the chosen card (the most urgent new order by default)
// and stay out of the way while someone types or a dialog is open (renderer/README.md lists them).
import { useEffect, useLayoutEffect, useRef } from 'react';

export interface BoardKeys {
  accept: () => void;
  bump: () => void;
  reject: () => void;
  prep: (delta: number) => void;
  move: (delta: number) => void;
  lane: (delta: number) => void;
  open: () => void;
}

/** The key (as `KeyboardEvent.key` names it) for each shortcut; the first one is the one shown. */
const KEYS: Record<string, (keys: BoardKeys) => void> = {
  a: (k) => k.accept(),
  A: (k) => k.accept(),
  ' ': (k) => k.bump(),
  b: (k) => k.bump(),
  B: (k) => k.bump(),
  r: (k) => k.reject(),
  R: (k) => k.reject(),
  '+': (k) => k.prep(+1),
  '=': (k) => k.prep(+1),
  '-': (k) => k.prep(-1),
  _: (k) => k.prep(-1),
  ArrowDown: (k) => k.move(+1),
  j: (k) => k.move(+1),
  ArrowUp: (k) => k.move(-1),
  k: (k) => k.move(-1),
  ArrowRight: (k) => k.lane(+1),
  ArrowLeft: (k) => k.lane(-1),
  Enter: (k) => k.open(),
};

function typingOrInDialog(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (el?.closest?.('input, textarea, select, [contenteditable="true"], dialog')) return true;
  return document.querySelector('[aria-modal="true"], dialog[open]') !== null;
}

export function useBoardKeys(keys: BoardKeys, enabled: boolean): void {
  // The keys of the board now on screen. Set in a layout effect (during the commit that draws the
  // cards), not a passive one: a key pressed right after a push redraws the lane, before passive
  // effects run, must act on the cards it sees, not on the list of the render before (board-keys
  // and rush e2e lost such presses on a slow machine: ↓ chose the first card again).
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typingOrInDialog(e.target)) return;
      const run = KEYS[e.key];
      if (!run) return;
      // Enter and Space on a focused button press that button, as everywhere else.
      const onButton = (e.target as HTMLElement | null)?.tagName === 'BUTTON';
      if (onButton && (e.key === 'Enter' || e.key === ' ')) return;
      e.preventDefault();
      run(latest.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
