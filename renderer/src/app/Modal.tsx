// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, and the
// page behind is inert, without any library.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  labelledBy?: string;
}

export function Modal({ title, onClose, children, className, labelledBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
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
      {!labelledBy && (
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
      )}
      {children}
    </dialog>
  );
}
