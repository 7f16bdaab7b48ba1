// Where a courier takes the order: street, apartment / unit, postal code, city, state, the
// store's delivery fee (its usual one filled in, changeable) and cutlery.
import type { InStoreTerms } from '../../../../shared/instore.js';
import { useTexts } from '../../i18n/context.js';
import type { FieldErrors } from './field-errors.js';
import { deliveryFeeText, type OrderForm } from './form.js';
import { FieldError, TextField } from './TextField.js';
import { FIELD_TEXTS } from './texts.js';

interface Props {
  form: OrderForm;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderForm>) => void;
  terms: InStoreTerms | null;
  currency: string;
}

export function AddressFields({ form, errors, onChange, terms, currency }: Props) {
  const t = useTexts(FIELD_TEXTS);
  return (
    <fieldset className="address" data-field="deliveryAddress">
      <legend>{t.deliverTo}</legend>
      <div className="field-pair field-pair--street">
        <TextField
          id="deliveryAddress.street"
          label={t.street}
          value={form.street}
          errors={errors}
          onChange={(street) => onChange({ street })}
        />
        <TextField
          id="deliveryAddress.unit"
          label={t.unitOptional}
          value={form.unit}
          errors={errors}
          maxLength={100}
          onChange={(unit) => onChange({ unit })}
        />
      </div>
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
      <div className="field-pair field-pair--fee">
        <TextField
          id="deliveryFeeCents"
          label={t.deliveryFee(currency)}
          value={deliveryFeeText(form, terms)}
          errors={errors}
          inputMode="decimal"
          maxLength={12}
          onChange={(deliveryFee) => onChange({ deliveryFee })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={form.utensils}
            onChange={(e) => onChange({ utensils: e.target.checked })}
          />
          {t.utensils}
        </label>
      </div>
    </fieldset>
  );
}
