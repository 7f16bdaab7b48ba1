// A search box: its name (shown above it, or for screen readers only), what is typed, and the
// input's own props (a hint, the keys it answers). Keys typed into it never reach the board's
// shortcuts (keyboard.ts skips inputs), so typing "a" never accepts an order.
import type { InputHTMLAttributes, Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'>;

interface Props extends InputProps {
  label: string;
  /** The name is for screen readers only (the hint inside says what to type). */
  labelHidden?: boolean;
  className?: string;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

export function SearchField({ label, labelHidden, className, onChange, ref, ...input }: Props) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span className={labelHidden ? 'visually-hidden' : undefined}>{label}</span>
      <input type="search" ref={ref} onChange={(e) => onChange(e.target.value)} {...input} />
    </label>
  );
}
