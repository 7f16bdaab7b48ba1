// A windowed list: every row has the same height, so the row at any scroll position is known by
// arithmetic, and only the rows on screen (plus a few either side) are in the page. 100,000
// rows cost as much to show as 20. When the rows near the end come into view it asks for more
// (`onNearEnd`), so pages load while staff scroll. ↑ / ↓, Page Up / Page Down, Home / End move
// between rows from the keyboard, scrolling rows into view as needed.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

export interface RowWindow {
  /** First and last index to put in the page (inclusive); last < first when there are none. */
  first: number;
  last: number;
}

/** The rows visible at `scrollTop` in a viewport of `height`, with `overscan` more each side. */
export function visibleRows(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const bottom = Math.ceil((scrollTop + Math.max(height, 0)) / rowHeight) - 1;
  return {
    first: Math.max(0, top - overscan),
    last: Math.min(count - 1, Math.max(top, bottom) + overscan),
  };
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return scrollTop;
}

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  keyOf: (item: T) => string;
  /** One row's content; it is placed in a box `rowHeight` tall. Its first button gets focus. */
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  /** Total when known (all pages in), for screen readers; otherwise -1. */
  setSize: number;
  onNearEnd?: () => void;
  /** How close to the end (in rows) counts as near. */
  nearEnd?: number;
  overscan?: number;
  /** Shown as one more row at the end: "loading more…", "that's all". */
  footer?: ReactNode;
  /** Changing it scrolls back to the top (a new search). */
  resetKey?: string;
  /** Told whether the list is scrolled to its top (a new search may then replace the rows). */
  onAtTop?: (atTop: boolean) => void;
}

export function VirtualList<T>({
  items,
  rowHeight,
  keyOf,
  renderRow,
  label,
  setSize,
  onNearEnd,
  nearEnd = 40,
  overscan = 6,
  footer,
  resetKey,
  onAtTop,
}: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  // One state update per frame however fast the scroll events come.
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (viewport.current) setScrollTop(viewport.current.scrollTop);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const { first, last } = visibleRows(scrollTop, height, rowHeight, items.length, overscan);
  const atTop = scrollTop < rowHeight;
  useEffect(() => onAtTop?.(atTop), [atTop, onAtTop]);

  useEffect(() => {
    if (onNearEnd && height > 0 && last >= items.length - 1 - nearEnd) onNearEnd();
  }, [last, items.length, height, nearEnd, onNearEnd]);

  // After a keyboard move, focus the row once it is in the page.
  useEffect(() => {
    if (focusIndex === null) return;
    const row = viewport.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (!row) return;
    (row.querySelector<HTMLElement>('button, a, [tabindex]') ?? row).focus({ preventScroll: true });
    setFocusIndex(null);
  }, [focusIndex, first, last]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const el = viewport.current;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!el || !row || items.length === 0) return;
    const at = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: items.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const target = Math.min(items.length - 1, Math.max(0, moves[e.key]!));
    el.scrollTop = scrollToShow(target, el.scrollTop, el.clientHeight, rowHeight);
    setScrollTop(el.scrollTop);
    setFocusIndex(target);
  };

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const item = items[i]!;
    rows.push(
      <div
        key={keyOf(item)}
        className="vlist__row"
        role="listitem"
        aria-posinset={i + 1}
        aria-setsize={setSize}
        data-index={i}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div className="vlist" ref={viewport} onScroll={onScroll} onKeyDown={onKeyDown}>
      <div
        className="vlist__space"
        style={{ height: items.length * rowHeight + (footer ? rowHeight : 0) }}
      >
        <div role="list" aria-label={label}>
          {rows}
        </div>
        {footer && (
          <div
            className="vlist__row vlist__footer"
            style={{ transform: `translateY(${items.length * rowHeight}px)`, height: rowHeight }}
          >
            {footer}
          </div>
        )}
      </div>
    </div>
  );
}
