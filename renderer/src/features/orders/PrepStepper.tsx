// Prep time for the accept: big − / + buttons in 5-minute steps (what kitchens quote), within
// the Local API's 1–240 minutes.
import { useTexts } from '../../i18n/context.js';
import { TIMING } from './texts.js';

export const PREP_STEP = 5;
export const PREP_MIN = 5;
export const PREP_MAX = 120;

interface Props {
  value: number;
  onChange: (next: number) => void;
  idPrefix: string;
}

export function clampPrep(value: number): number {
  return Math.min(PREP_MAX, Math.max(PREP_MIN, value));
}

export function PrepStepper({ value, onChange, idPrefix }: Props) {
  const labelId = `${idPrefix}-prep-label`;
  const t = useTexts(TIMING);
  return (
    <div className="stepper" role="group" aria-labelledby={labelId}>
      <span className="stepper__label" id={labelId}>
        {t.prepTime}
      </span>
      <button
        type="button"
        className="stepper__button"
        aria-label={t.lessPrep(value)}
        disabled={value <= PREP_MIN}
        onClick={(e) => {
          e.stopPropagation();
          onChange(clampPrep(value - PREP_STEP));
        }}
      >
        −
      </button>
      <output className="stepper__value" aria-live="polite" data-testid="prep-value">
        {value}
        <small> min</small>
      </output>
      <button
        type="button"
        className="stepper__button"
        aria-label={t.morePrep(value)}
        disabled={value >= PREP_MAX}
        onClick={(e) => {
          e.stopPropagation();
          onChange(clampPrep(value + PREP_STEP));
        }}
      >
        +
      </button>
    </div>
  );
}
