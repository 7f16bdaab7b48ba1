// The loud alerts while a dialog is open, rendered inside the topmost dialog (app/dialogs.ts) and
// fixed to the top of the window. The dialog moves down by the dock's height (--alerts-height,
// detail.css), so the dock never covers the dialog's own title and Close button.
import { useLayoutEffect, useRef } from 'react';
import { CancelBanners, NewOrderStrip } from './AlertBanners.js';

interface Props {
  onShowBoard: () => void;
  onOpen: (id: string) => void;
}

export function AlertDock({ onShowBoard, onOpen }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const dock = ref.current;
    const dialog = dock?.closest('dialog');
    if (!dock || !dialog) return undefined;
    const apply = (): void => dialog.style.setProperty('--alerts-height', `${dock.offsetHeight}px`);
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(dock);
    return () => {
      observer.disconnect();
      dialog.style.removeProperty('--alerts-height');
    };
  }, []);
  return (
    <div ref={ref} className="alert-dock" data-testid="alert-dock">
      <CancelBanners onOpen={onOpen} />
      <NewOrderStrip onShow={onShowBoard} loudOnly />
    </div>
  );
}
