// One choice of the order (where it came from, how it leaves, paid or not) as a form field: the
// kit's chip row with its legend, the words under it and the field's problem under the row.
import type { ReactNode } from 'react';
import { ChoiceChips } from '../../ui/ChoiceChips.js';
import type { FieldErrors } from './field-errors.js';
import { FieldError } from './TextField.js';

interface Props<T extends string> {
  /** The request's field the choice fills, for its problem. */
  field: string;
  legend: string;
  options: readonly T[];
  picked: T | null;
  label: (option: T) => ReactNode;
  onPick: (option: T) => void;
  errors: FieldErrors;
  /** Words under the chips (what a choice means). */
  hint?: string | undefined;
}

export function ChoiceField<T extends string>({
  field,
  legend,
  options,
  picked,
  label,
  onPick,
  errors,
  hint,
}: Props<T>) {
  return (
    <fieldset className="choice-group" data-field={field} aria-describedby={`error-${field}`}>
      <legend>{legend}</legend>
      <ChoiceChips options={options} picked={picked} onPick={onPick} label={label} />
      {hint && <p className="choice-group__hint muted">{hint}</p>}
      <FieldError id={field} errors={errors} />
    </fieldset>
  );
}
