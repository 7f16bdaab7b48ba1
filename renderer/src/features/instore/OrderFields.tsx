// Who the order is for and how it leaves: source (phone / walk-in), fulfillment, customer,
// delivery address (only when a courier drives it), requested time and notes. Each field shows
// its own problem beside it, whether the form found it or the connector refused it.
import type { ReactNode } from 'react';
import { FULFILLMENT_TYPES } from '../../../../shared/domain.js';
import { localDaysBetween, localParts } from '../../../../shared/store-clock.js';
import { storeTimeZone } from '../../ui/format.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import { texts } from '../../i18n/texts.js';
import { fulfillmentLabel } from '../../ui/labels.js';
import type { FieldErrors } from './field-errors.js';
import { isDelivered, ORDER_SOURCES, orderSourceLabel, type OrderForm } from './form.js';
import { FIELD_TEXTS } from './texts.js';

interface Props {
  form: OrderForm;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderForm>) => void;
  /** Server time, so "In 30 min" means the connector's 30 minutes. */
  now: number;
}

const QUICK_TIMES = [15, 30, 45, 60];

export function OrderFields({ form, errors, onChange, now }: Props) {
  const t = texts(FIELD_TEXTS);
  const delivered = isDelivered(form.fulfillmentType);
  return (
    <div className="order-fields">
      <fieldset className="choice-group" data-field="source">
        <legend>{t.source}</legend>
        <div className="choice-row">
          {ORDER_SOURCES.map((source) => (
            <button
              key={source}
              type="button"
              className={`chip${form.source === source ? ' is-picked' : ''}`}
              aria-pressed={form.source === source}
              onClick={() => onChange({ source })}
            >
              {orderSourceLabel(source)}
            </button>
          ))}
        </div>
        <FieldError id="source" errors={errors} />
      </fieldset>
      <fieldset className="choice-group" data-field="fulfillmentType">
        <legend>{t.fulfillment}</legend>
        <div className="choice-row">
          {FULFILLMENT_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className={`chip${form.fulfillmentType === type ? ' is-picked' : ''}`}
              aria-pressed={form.fulfillmentType === type}
              onClick={() => onChange({ fulfillmentType: type })}
            >
              <Icon name={FULFILLMENT_ICON[type]} /> {fulfillmentLabel(type)}
            </button>
          ))}
        </div>
        <FieldError id="fulfillmentType" errors={errors} />
      </fieldset>

      <div className="field-pair" data-field="customer">
        <TextField
          id="customer.name"
          label={delivered ? t.customerName : t.customerNameOptional}
          value={form.customerName}
          errors={errors}
          autoComplete="off"
          onChange={(customerName) => onChange({ customerName })}
        />
        <TextField
          id="customer.phone"
          label={delivered ? t.phone : t.phoneOptional}
          value={form.customerPhone}
          errors={errors}
          type="tel"
          autoComplete="off"
          onChange={(customerPhone) => onChange({ customerPhone })}
        />
      </div>
      <FieldError id="customer" errors={errors} />

      {delivered && (
        <fieldset className="address" data-field="deliveryAddress">
          <legend>{t.deliverTo}</legend>
          <TextField
            id="deliveryAddress.street"
            label={t.street}
            value={form.street}
            errors={errors}
            onChange={(street) => onChange({ street })}
          />
          <div className="field-pair field-pair--address">
            <TextField
              id="deliveryAddress.postalCode"
              label={t.postalCode}
              value={form.postalCode}
              errors={errors}
              onChange={(postalCode) => onChange({ postalCode })}
            />
            <TextField
              id="deliveryAddress.city"
              label={t.city}
              value={form.city}
              errors={errors}
              onChange={(city) => onChange({ city })}
            />
            <TextField
              id="deliveryAddress.state"
              label={t.stateOptional}
              value={form.state}
              errors={errors}
              onChange={(state) => onChange({ state })}
            />
          </div>
          <FieldError id="deliveryAddress" errors={errors} />
          <label className="check">
            <input
              type="checkbox"
              checked={form.utensils}
              onChange={(e) => onChange({ utensils: e.target.checked })}
            />
            {t.utensils}
          </label>
        </fieldset>
      )}

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
          <button
            type="button"
            className={`chip${form.when === 'later' && form.day === 'today' ? ' is-picked' : ''}`}
            aria-pressed={form.when === 'later' && form.day === 'today'}
            onClick={() => onChange({ when: 'later', day: 'today' })}
          >
            {t.today}
          </button>
          <button
            type="button"
            className={`chip${form.when === 'later' && form.day === 'tomorrow' ? ' is-picked' : ''}`}
            aria-pressed={form.when === 'later' && form.day === 'tomorrow'}
            onClick={() => onChange({ when: 'later', day: 'tomorrow' })}
          >
            {t.tomorrow}
          </button>
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

      <label className="field" data-field="notes">
        <span>{t.notes}</span>
        <textarea
          value={form.notes}
          rows={2}
          maxLength={1000}
          aria-invalid={errors.notes !== undefined}
          aria-describedby="error-notes"
          onChange={(e) => onChange({ notes: e.target.value })}
        />
        <FieldError id="notes" errors={errors} />
      </label>
    </div>
  );
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

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  errors: FieldErrors;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
}

function TextField({ id, label, value, errors, onChange, type, autoComplete }: TextFieldProps) {
  const inputId = `field-${id.replace(/\./g, '-')}`;
  return (
    <div className="field" data-field={id}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type={type ?? 'text'}
        value={value}
        autoComplete={autoComplete}
        maxLength={200}
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
