// How many: the kit's stepper from 1 to `max`, with the chooser's words.
import { useTexts } from '../../i18n/context.js';
import { Stepper } from '../../ui/Stepper.js';
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
    <Stepper
      value={value}
      min={1}
      max={max}
      onChange={onChange}
      label={label}
      shownLabel={compact ? undefined : t.quantity}
      lessLabel={t.oneLess(value)}
      moreLabel={t.oneMore(value)}
      valueClassName="stepper__value--count"
    />
  );
}
