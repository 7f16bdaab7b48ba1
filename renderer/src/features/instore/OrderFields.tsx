// Who the order is for and how it leaves: source (phone / walk-in), fulfillment, payment,
// customer (with past customers by phone), delivery address and fee (only when a courier drives
// it), requested time and notes. Each field shows its own problem beside it, whether the form
// found it or the connector refused it.
import { FULFILLMENT_TYPES } from '../../../../shared/domain.js';
import type { InStoreTerms } from '../../../../shared/instore.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { fulfillmentLabel } from '../../ui/labels.js';
import { AddressFields } from './AddressFields.js';
import { ChoiceField } from './ChoiceField.js';
import { CustomerFields } from './CustomerFields.js';
import type { FieldErrors } from './field-errors.js';
import { isDelivered, ORDER_SOURCES, orderSourceLabel, type OrderForm } from './form.js';
import { FieldError } from './TextField.js';
import { FIELD_TEXTS } from './texts.js';
import { WhenFields } from './WhenFields.js';

interface Props {
  form: OrderForm;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderForm>) => void;
  /** Server time, so "In 30 min" means the connector's 30 minutes. */
  now: number;
  /** The connector's pricing terms (the usual delivery fee); null until it answers. */
  terms: InStoreTerms | null;
  currency: string;
}

const PAYMENTS = ['paid', 'unpaid'] as const;

export function OrderFields({ form, errors, onChange, now, terms, currency }: Props) {
  const language = useLanguage();
  const t = useTexts(FIELD_TEXTS);
  const delivered = isDelivered(form.fulfillmentType);
  return (
    <div className="order-fields">
      <ChoiceField
        field="source"
        legend={t.source}
        options={ORDER_SOURCES}
        picked={form.source}
        label={(source) => orderSourceLabel(source, language)}
        onPick={(source) => onChange({ source })}
        errors={errors}
      />
      <ChoiceField
        field="fulfillmentType"
        legend={t.fulfillment}
        options={FULFILLMENT_TYPES}
        picked={form.fulfillmentType}
        label={(type) => (
          <>
            <Icon name={FULFILLMENT_ICON[type]} /> {fulfillmentLabel(type, language)}
          </>
        )}
        onPick={(fulfillmentType) => onChange({ fulfillmentType })}
        errors={errors}
      />
      <ChoiceField
        field="unpaid"
        legend={t.payment}
        options={PAYMENTS}
        picked={form.payment}
        label={(payment) => t[payment]}
        onPick={(payment) => onChange({ payment })}
        errors={errors}
        hint={form.payment === 'unpaid' ? t.unpaidHint : undefined}
      />
      <CustomerFields
        form={form}
        delivered={delivered}
        errors={errors}
        onChange={onChange}
        now={now}
      />
      {delivered && (
        <AddressFields
          form={form}
          errors={errors}
          onChange={onChange}
          terms={terms}
          currency={currency}
        />
      )}
      <WhenFields form={form} errors={errors} onChange={onChange} now={now} />
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
