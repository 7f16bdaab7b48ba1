// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, and the
// page behind is inert, without any library. Its first child is the slot the loud alerts are
// rendered into while it is the topmost dialog (dialogs.ts), so they stay in sight and tappable.
import { useEffect, useRef, type ReactNode } from 'react';
import { dialogs } from '../app/dialogs.js';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  labelledBy?: string;
}

export function Modal({ title, onClose, children, className, labelledBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const slotRef = useRef<HTMLDivElement>(null);
  // The latest onClose, for an alert that closes this dialog later.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const entry = dialogs.push(() => closeRef.current());
    entry.setSlot(slotRef.current);
    return () => {
      entry.remove();
      dialog?.close();
    };
  }, []);
  const titleId = labelledBy ?? 'modal-title';
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div ref={slotRef} className="modal__alerts" />
      {!labelledBy && (
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
      )}
      {children}
    </dialog>
  );
}
