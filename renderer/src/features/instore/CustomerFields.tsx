// Who the order is for: the phone first (the number is what a caller gives first), then the name.
// Once the number has enough digits, customers who called before from it are offered with the
// name and last address they gave; one tap fills the form with them.
import { useEffect, useRef } from 'react';
import type { PastCustomer } from '../../../../shared/instore.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { addressText } from '../../../../shared/address.js';
import { storeDayTime } from '../../ui/format.js';
import type { FieldErrors } from './field-errors.js';
import type { OrderForm } from './form.js';
import { FieldError, TextField } from './TextField.js';
import { FIELD_TEXTS } from './texts.js';
import { useCustomerLookup } from './use-customer-lookup.js';

interface Props {
  form: OrderForm;
  delivered: boolean;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderForm>) => void;
  now: number;
}

/** What using a past customer puts on the form: the name, and the address when there is one. */
export function customerPatch(c: PastCustomer): Partial<OrderForm> {
  const patch: Partial<OrderForm> = { customerName: c.name };
  if (!c.address) return patch;
  return {
    ...patch,
    street: c.address.street,
    unit: c.address.unit ?? '',
    city: c.address.city,
    state: c.address.state ?? '',
    postalCode: c.address.postalCode,
  };
}

export function CustomerFields({ form, delivered, errors, onChange, now }: Props) {
  const language = useLanguage();
  const t = useTexts(FIELD_TEXTS);
  const lookup = useCustomerLookup(form.customerPhone);
  const offer = useRef<HTMLElement>(null);
  const offered = lookup.customers.length > 0;
  // The phone is often typed low in the ticket: bring the offer out from under the totals.
  useEffect(() => {
    if (offered) offer.current?.scrollIntoView({ block: 'nearest' });
  }, [offered]);
  return (
    <>
      <div className="field-pair" data-field="customer">
        <TextField
          id="customer.phone"
          label={delivered ? t.phone : t.phoneOptional}
          value={form.customerPhone}
          errors={errors}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={64}
          onChange={(customerPhone) => onChange({ customerPhone })}
        />
        <TextField
          id="customer.name"
          label={delivered ? t.customerName : t.customerNameOptional}
          value={form.customerName}
          errors={errors}
          autoComplete="off"
          onChange={(customerName) => onChange({ customerName })}
        />
      </div>
      <FieldError id="customer" errors={errors} />
      {lookup.problem && <p className="muted">{t.lookupFailed(lookup.problem)}</p>}
      {lookup.customers.length > 0 && (
        <section
          ref={offer}
          className="past-customers"
          aria-label={t.pastCustomers}
          data-testid="past-customers"
        >
          <p className="past-customers__title">{t.pastCustomers}</p>
          <ul>
            {lookup.customers.map((c, i) => (
              <li key={i} className="past-customer" data-testid="past-customer">
                <span className="past-customer__who">
                  <span>
                    <strong>{c.name}</strong> · {c.phone}
                  </span>
                  <span className="past-customer__where">
                    {c.address ? addressText(c.address).join(', ') : t.noAddress}
                  </span>
                  <span className="muted">
                    {t.lastOrder(storeDayTime(c.lastOrderAt, now, language), c.orders)}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button--step button--small"
                  aria-label={t.useLabel(c.name)}
                  onClick={() => {
                    onChange(customerPatch(c));
                    lookup.dismiss();
                  }}
                >
                  {t.use}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
