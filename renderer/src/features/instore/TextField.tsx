// One labelled text field of the new-order form with its problem beside it, whether the form
// found it or the connector refused it (the field's id is the request's field path).
import type { ReactNode } from 'react';
import type { FieldErrors } from './field-errors.js';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  errors: FieldErrors;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'tel';
  maxLength?: number;
}

export function TextField({
  id,
  label,
  value,
  errors,
  onChange,
  type,
  autoComplete,
  inputMode,
  maxLength,
}: TextFieldProps) {
  const inputId = `field-${id.replace(/\./g, '-')}`;
  return (
    <div className="field" data-field={id}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type={type ?? 'text'}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength ?? 200}
        aria-invalid={errors[id] !== undefined}
        aria-describedby={`error-${id}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={id} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors: FieldErrors }): ReactNode {
  const message = errors[id];
  return (
    <span id={`error-${id}`} className="field-error" data-testid={`error-${id}`}>
      {message ?? null}
    </span>
  );
}
