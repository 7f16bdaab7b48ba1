// One POS or printer leg in the order's details: where it is in words (`legWords`), and while it
// did not get there, Try again or "entered / done by hand" (with the POS's check number).
import { useState } from 'react';
import type { PosLeg } from '../../../../shared/pos.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime } from '../../ui/format.js';
import { POS_LEG } from './texts.js';
import type { Language } from '../../i18n/language.js';

/** The leg in words: what happened, and whether staff must act. */
export function legWords(
  leg: PosLeg,
  t: (typeof POS_LEG)['en'],
  language: Language,
): { text: string; alarm: boolean } {
  const pos = leg.target === 'pos';
  const tries = t.tries(leg.failures);
  const error = leg.lastError || null;
  if (leg.voidState === 'failed') return { text: t.voidFailed(leg.voidError || null), alarm: true };
  if (leg.voidState === 'sent' || leg.voidState === 'queued')
    return { text: leg.voidState === 'sent' ? t.voided : t.voiding, alarm: false };
  if (leg.notInPos || leg.state === 'failed')
    return {
      text: t.failedWithTries(pos ? t.notInPos : t.notPrinted, tries, error),
      alarm: true,
    };
  switch (leg.state) {
    case 'queued':
      return {
        text: leg.failures ? t.sendingAgain(pos, tries, error) : pos ? t.sending : t.printing,
        alarm: false,
      };
    case 'sent': {
      const at = leg.sentAt ? clockTime(leg.sentAt, language) : null;
      return { text: pos ? t.inPos(leg.posOrderId || null, at) : t.printed(at), alarm: false };
    }
    case 'manual':
      return {
        text: t.byHand(pos, leg.manualBy || null, leg.posOrderId || null),
        alarm: false,
      };
    case 'withdrawn':
      return { text: t.withdrawn(pos), alarm: false };
    default:
      return { text: leg.state, alarm: false };
  }
}

export interface LegProps {
  leg: PosLeg;
  busy: boolean;
  onRetry: () => void;
  onByHand: (posOrderId: string) => void;
}

export function LegRow({ leg, busy, onRetry, onByHand }: LegProps) {
  const language = useLanguage();
  const [byHand, setByHand] = useState(false);
  const [check, setCheck] = useState('');
  const t = useTexts(POS_LEG);
  const { text, alarm } = legWords(leg, t, language);
  // Staff can act while the order is not where it should be (and not canceled).
  const stuck = (leg.notInPos || leg.state === 'failed') && leg.voidState === null;
  return (
    <div
      className={`pos-leg${alarm ? ' pos-leg--alarm' : ''}`}
      data-testid={`pos-leg-${leg.target}`}
      data-state={leg.state}
      role={alarm ? 'alert' : undefined}
    >
      <p className="pos-leg__line">
        {/* A warning names its target itself ("NOT IN THE POS", "NOT PRINTED"). */}
        {alarm ? <Icon name="warning" /> : <strong>{t.target[leg.target]}: </strong>}
        <span>{text}</span>
      </p>
      {stuck && !byHand && (
        <div className="pos-leg__buttons">
          <button
            type="button"
            className="button button--step button--small"
            disabled={busy}
            onClick={onRetry}
          >
            {t.tryAgain}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            onClick={() => setByHand(true)}
          >
            {leg.target === 'pos' ? t.enteredByHand : t.doneByHand}
          </button>
        </div>
      )}
      {stuck && byHand && (
        <form
          className="pos-leg__buttons"
          onSubmit={(e) => {
            e.preventDefault();
            onByHand(check.trim());
          }}
        >
          {leg.target === 'pos' && (
            <label className="field field--inline">
              <span>{t.checkNumber}</span>
              <input
                value={check}
                maxLength={100}
                onChange={(e) => setCheck(e.target.value)}
                autoFocus
              />
            </label>
          )}
          <button type="submit" className="button button--accept button--small" disabled={busy}>
            {t.confirm}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setByHand(false)}
          >
            {t.back}
          </button>
        </form>
      )}
    </div>
  );
}
