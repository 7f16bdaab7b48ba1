// Cancelling an accepted order from the counter: two taps and a reason, so it is never an
// accident. The core tells Stream and voids the order in the POS.
import { useState } from 'react';

const REASONS = ['Customer asked', 'Out of stock', 'Kitchen problem', 'Driver never came'];

export function CancelControl({
  busy,
  onCancel,
}: {
  busy: boolean;
  onCancel: (reason: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        Cancel order…
      </button>
    );
  return (
    <div className="cancel-control" role="group" aria-label="Cancel this order">
      <div className="choice-row">
        {REASONS.map((r) => (
          <button
            key={r}
            type="button"
            className={`chip${reason === r ? ' is-picked' : ''}`}
            aria-pressed={reason === r}
            onClick={() => setReason(r)}
          >
            {r}
          </button>
        ))}
      </div>
      <label className="field">
        <span>Reason (told to Stream)</span>
        <input
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <div className="choice-row">
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          Keep the order
        </button>
        <button
          type="button"
          className="button button--reject"
          disabled={busy || !reason.trim()}
          onClick={() => onCancel(reason.trim())}
        >
          Cancel the order
        </button>
      </div>
    </div>
  );
}
