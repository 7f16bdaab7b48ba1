// A row of big chips for one choice (where the order came from, how it leaves, paid or not):
// one tap each, the picked one pressed, the field's problem under the row.
import type { ReactNode } from 'react';
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

export function ChoiceChips<T extends string>({
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
      <div className="choice-row">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            className={`chip${picked === option ? ' is-picked' : ''}`}
            aria-pressed={picked === option}
            data-choice={option}
            onClick={() => onPick(option)}
          >
            {label(option)}
          </button>
        ))}
      </div>
      {hint && <p className="choice-group__hint muted">{hint}</p>}
      <FieldError id={field} errors={errors} />
    </fieldset>
  );
}
