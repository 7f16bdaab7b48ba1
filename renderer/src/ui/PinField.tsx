// A field for digits only (a PIN, a setup code): non-digits are dropped as they are typed and the
// length is capped, so what is sent is what the keypad could have typed.
export function PinField({
  label,
  value,
  onChange,
  maxDigits = 12,
  secret = true,
  autoComplete = 'new-password',
}: {
  label: string;
  value: string;
  onChange: (digits: string) => void;
  maxDigits?: number;
  /** Hidden as typed (a PIN); a one-time code shown on screen is not. */
  secret?: boolean;
  autoComplete?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        {...(secret ? { type: 'password' } : {})}
        inputMode="numeric"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(onlyDigits(e.target.value, maxDigits))}
      />
    </label>
  );
}

export const onlyDigits = (value: string, maxDigits: number): string =>
  value.replace(/\D/g, '').slice(0, maxDigits);
