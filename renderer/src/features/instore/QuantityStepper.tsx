// How many: big − / + buttons (the same stepper as the prep time), from 1 to `max`.
import { useTexts } from '../../i18n/context.js';
import { CHOOSER_TEXTS } from './texts.js';

interface Props {
  value: number;
  max: number;
  onChange: (next: number) => void;
  /** What is counted, for screen readers ("Quantity of Fries"). */
  label: string;
  /** Hide the word "Quantity" beside the buttons (a ticket line has no room for it). */
  compact?: boolean;
}

export function QuantityStepper({ value, max, onChange, label, compact }: Props) {
  const t = useTexts(CHOOSER_TEXTS);
  return (
    <div className="stepper" role="group" aria-label={label}>
      {!compact && (
        <span className="stepper__label" aria-hidden="true">
          {t.quantity}
        </span>
      )}
      <button
        type="button"
        className="stepper__button"
        aria-label={t.oneLess(value)}
        disabled={value <= 1}
        onClick={() => onChange(Math.max(1, value - 1))}
      >
        −
      </button>
      <output className="stepper__value stepper__value--count" aria-live="polite">
        {value}
      </output>
      <button
        type="button"
        className="stepper__button"
        aria-label={t.oneMore(value)}
        disabled={value >= max}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </button>
    </div>
  );
}
