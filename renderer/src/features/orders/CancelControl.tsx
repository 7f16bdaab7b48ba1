// Cancelling an accepted order from the counter: two taps and a reason, so it is never an
// accident. The core tells Stream and voids the order in the POS.
import { useState } from 'react';
import { useTexts } from '../../i18n/context.js';
import { ChoiceChips } from '../../ui/ChoiceChips.js';
import { CANCEL } from './texts.js';

type QuickReason = keyof typeof CANCEL.en.reasons;
const QUICK_REASONS: readonly QuickReason[] = ['customer', 'stock', 'kitchen', 'driver'];

/**
 * What Stream is told: a quick reason in English whatever the screen's language (Stream, the
 * delivery service and the audit log read our reasons in English, like the core's), anything
 * typed as it was typed.
 */
function reasonForStream(typed: string, words: (typeof CANCEL)['en']['reasons']): string {
  const quick = QUICK_REASONS.find((r) => words[r] === typed);
  return quick ? CANCEL.en.reasons[quick] : typed;
}

export function CancelControl({
  busy,
  onCancel,
}: {
  busy: boolean;
  onCancel: (reason: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const t = useTexts(CANCEL);
  if (!open)
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        {t.open}
      </button>
    );
  return (
    <div className="cancel-control" role="group" aria-label={t.group}>
      <ChoiceChips
        options={QUICK_REASONS}
        picked={QUICK_REASONS.find((key) => t.reasons[key] === reason) ?? null}
        onPick={(key) => setReason(t.reasons[key])}
        label={(key) => t.reasons[key]}
      />
      <label className="field">
        <span>{t.reason}</span>
        <input
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <div className="choice-row">
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          {t.keep}
        </button>
        <button
          type="button"
          className="button button--reject"
          disabled={busy || !reason.trim()}
          onClick={() => onCancel(reasonForStream(reason.trim(), t.reasons))}
        >
          {t.confirm}
        </button>
      </div>
    </div>
  );
}
