// A number set with big − / + buttons, kept within `min`–`max` in steps of `step`: the buttons
// stop at the limits (disabled), the value is read out as it changes. The feature gives all the
// words: the group's name, the words shown beside it and each button's spoken label.
import type { ReactNode } from 'react';

interface Props {
  value: number;
  min: number;
  max: number;
  step?: number | undefined;
  onChange: (next: number) => void;
  /** The group's name for screen readers ("Quantity of Fries"). */
  label: string;
  /** Words shown beside the buttons; with `shownLabelId` they are the group's name instead. */
  shownLabel?: string | undefined;
  shownLabelId?: string | undefined;
  lessLabel: string;
  moreLabel: string;
  /** Shown after the number ("min"). */
  unit?: ReactNode;
  valueClassName?: string | undefined;
  valueTestId?: string | undefined;
  /** Keep a tap from also reaching what holds the stepper (a card that opens on a tap). */
  isolateClicks?: boolean | undefined;
}

export function clampStep(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function Stepper({
  value,
  min,
  max,
  step = 1,
  onChange,
  label,
  shownLabel,
  shownLabelId,
  lessLabel,
  moreLabel,
  unit,
  valueClassName,
  valueTestId,
  isolateClicks,
}: Props) {
  const change = (e: React.MouseEvent, next: number) => {
    if (isolateClicks) e.stopPropagation();
    onChange(clampStep(next, min, max));
  };
  const named = shownLabel !== undefined && shownLabelId !== undefined;
  return (
    <div
      className="stepper"
      role="group"
      aria-label={named ? undefined : label}
      aria-labelledby={named ? shownLabelId : undefined}
    >
      {shownLabel !== undefined && (
        <span className="stepper__label" id={shownLabelId} aria-hidden={named ? undefined : true}>
          {shownLabel}
        </span>
      )}
      <button
        type="button"
        className="stepper__button"
        aria-label={lessLabel}
        disabled={value <= min}
        onClick={(e) => change(e, value - step)}
      >
        −
      </button>
      <output
        className={valueClassName ? `stepper__value ${valueClassName}` : 'stepper__value'}
        aria-live="polite"
        data-testid={valueTestId}
      >
        {value}
        {unit}
      </output>
      <button
        type="button"
        className="stepper__button"
        aria-label={moreLabel}
        disabled={value >= max}
        onClick={(e) => change(e, value + step)}
      >
        +
      </button>
    </div>
  );
}
