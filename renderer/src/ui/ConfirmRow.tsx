// "Are you sure?" in place, for an action that stops something staff cannot take back with one
// tap: what will happen, a way back (first, so a hurried tap lands on it), and the action.
import type { ReactNode } from 'react';
import { ActionButton } from './ActionButton.js';

export function ConfirmRow({
  label,
  warning,
  keep,
  confirm,
  busy,
  onKeep,
  onConfirm,
}: {
  /** What is being confirmed, for screen readers (the group's name). */
  label: string;
  warning: ReactNode;
  keep: string;
  confirm: string;
  busy: boolean;
  onKeep: () => void;
  onConfirm: () => void | Promise<unknown>;
}) {
  return (
    <div className="tile__confirm" role="group" aria-label={label}>
      <p>
        <strong>{warning}</strong>
      </p>
      <div className="choice-row">
        <ActionButton kind="ghost" onClick={onKeep}>
          {keep}
        </ActionButton>
        <ActionButton kind="reject" busy={busy} onClick={onConfirm}>
          {confirm}
        </ActionButton>
      </div>
    </div>
  );
}
