// When the order is wanted: as soon as possible, in 15–60 minutes, or today / tomorrow at a time,
// always on the store's clock.
import { localDaysBetween, localParts } from '../../../../shared/store-clock.js';
import { useTexts } from '../../i18n/context.js';
import { storeTimeZone } from '../../ui/format.js';
import type { FieldErrors } from './field-errors.js';
import type { OrderForm } from './form.js';
import { FieldError } from './TextField.js';
import { FIELD_TEXTS } from './texts.js';

const QUICK_TIMES = [15, 30, 45, 60];

interface Props {
  form: OrderForm;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderForm>) => void;
  /** Server time, so "In 30 min" means the connector's 30 minutes. */
  now: number;
}

/** "In 30 min" → today or tomorrow at the clock time 30 minutes from now, on the store's clock. */
function inMinutes(now: number, minutes: number): Partial<OrderForm> {
  const zone = storeTimeZone();
  const at = now + minutes * 60_000;
  const p = localParts(zone, at);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    when: 'later',
    day: localDaysBetween(zone, now, at) === 0 ? 'today' : 'tomorrow',
    time: `${two(p.hour)}:${two(p.minute)}`,
  };
}

export function WhenFields({ form, errors, onChange, now }: Props) {
  const t = useTexts(FIELD_TEXTS);
  const dayChip = (day: OrderForm['day'], label: string) => {
    const picked = form.when === 'later' && form.day === day;
    return (
      <button
        type="button"
        className={`chip${picked ? ' is-picked' : ''}`}
        aria-pressed={picked}
        onClick={() => onChange({ when: 'later', day })}
      >
        {label}
      </button>
    );
  };
  return (
    <fieldset className="choice-group" data-field="requestedFor">
      <legend>{t.when}</legend>
      <div className="choice-row">
        <button
          type="button"
          className={`chip${form.when === 'asap' ? ' is-picked' : ''}`}
          aria-pressed={form.when === 'asap'}
          onClick={() => onChange({ when: 'asap' })}
        >
          {t.asap}
        </button>
        {QUICK_TIMES.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="chip"
            onClick={() => onChange(inMinutes(now, minutes))}
          >
            {t.inMinutes(minutes)}
          </button>
        ))}
      </div>
      <div className="choice-row when-row">
        {dayChip('today', t.today)}
        {dayChip('tomorrow', t.tomorrow)}
        <label className="field field--inline">
          <span>{t.at}</span>
          <input
            type="time"
            value={form.time}
            aria-invalid={errors.requestedFor !== undefined}
            aria-describedby="error-requestedFor"
            data-testid="requested-time"
            onChange={(e) => onChange({ time: e.target.value, when: 'later' })}
          />
        </label>
      </div>
      <FieldError id="requestedFor" errors={errors} />
    </fieldset>
  );
}
