// A button that starts a staff action: its look says what kind (reject = stops something,
// step = moves on, ghost = backs out) and it is disabled while an action runs.
import type { ReactNode } from 'react';

export type ActionKind = 'reject' | 'step' | 'ghost' | 'plain';

export function ActionButton({
  kind = 'plain',
  busy = false,
  onClick,
  children,
}: {
  kind?: ActionKind;
  busy?: boolean;
  onClick: () => void | Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={kind === 'plain' ? 'button' : `button button--${kind}`}
      disabled={busy}
      onClick={() => void onClick()}
    >
      {children}
    </button>
  );
}
