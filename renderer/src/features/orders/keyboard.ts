// Keyboard shortcuts for the counter: A accept, R reject, + / − prep time, ↑ / ↓ choose the
// order, Enter details. They act on the selected pending card (the most urgent one by default)
// and stay out of the way while someone types or a dialog is open.
import { useEffect } from 'react';

export interface BoardKeys {
  accept: () => void;
  reject: () => void;
  prep: (delta: number) => void;
  move: (delta: number) => void;
  open: () => void;
}

function typingOrInDialog(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (el?.closest?.('input, textarea, select, [contenteditable="true"]')) return true;
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function useBoardKeys(keys: BoardKeys, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typingOrInDialog(e.target)) return;
      const onButton = (e.target as HTMLElement | null)?.tagName === 'BUTTON';
      switch (e.key) {
        case 'a':
        case 'A':
          keys.accept();
          break;
        case 'r':
        case 'R':
          keys.reject();
          break;
        case '+':
        case '=':
          keys.prep(+1);
          break;
        case '-':
        case '_':
          keys.prep(-1);
          break;
        case 'ArrowDown':
        case 'j':
          keys.move(+1);
          break;
        case 'ArrowUp':
        case 'k':
          keys.move(-1);
          break;
        case 'Enter':
          if (onButton) return; // Enter on a focused button presses that button
          keys.open();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, enabled]);
}
