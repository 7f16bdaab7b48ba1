// Prep time for the accept: the kit's stepper in 5-minute steps (what kitchens quote), within
// the Local API's 1–240 minutes. A tap on it never also opens the card it sits on.
import { useTexts } from '../../i18n/context.js';
import { clampStep, Stepper } from '../../ui/Stepper.js';
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
  return clampStep(value, PREP_MIN, PREP_MAX);
}

export function PrepStepper({ value, onChange, idPrefix }: Props) {
  const t = useTexts(TIMING);
  return (
    <Stepper
      value={value}
      min={PREP_MIN}
      max={PREP_MAX}
      step={PREP_STEP}
      onChange={onChange}
      label={t.prepTime}
      shownLabel={t.prepTime}
      shownLabelId={`${idPrefix}-prep-label`}
      lessLabel={t.lessPrep(value)}
      moreLabel={t.morePrep(value)}
      unit={<small> min</small>}
      valueTestId="prep-value"
      isolateClicks
    />
  );
}
