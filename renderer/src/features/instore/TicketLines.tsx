// The order as taken so far: each line with its quantity, options and note, change or remove
// it, and the live totals. Before sending, tax is an estimate (see tax.ts); the connector's own
// figures replace it once the order is taken.
import { money } from '../orders/format.js';
import { lineCents, MAX_QUANTITY, picksLabel, type DraftLine } from './draft.js';
import type { FieldErrors } from './field-errors.js';
import { FieldError } from './OrderFields.js';
import { QuantityStepper } from './QuantityStepper.js';

interface Props {
  lines: readonly DraftLine[];
  currency: string;
  errors: FieldErrors;
  onQuantity: (key: string, quantity: number) => void;
  onEdit: (line: DraftLine) => void;
  onRemove: (key: string) => void;
}

export function TicketLines({ lines, currency, errors, onQuantity, onEdit, onRemove }: Props) {
  return (
    <div className="ticket-lines" data-field="items">
      <FieldError id="items" errors={errors} />
      {lines.length === 0 && (
        <p className="lane__empty">Nothing yet: search the menu on the left and tap an item.</p>
      )}
      <ul className="ticket-lines__list" aria-label="Items in this order">
        {lines.map((line, i) => (
          <li
            key={line.key}
            className="ticket-line"
            data-testid="ticket-line"
            data-field={`items.${i}`}
            aria-invalid={errors[`items.${i}`] !== undefined}
          >
            <QuantityStepper
              value={line.quantity}
              max={MAX_QUANTITY}
              onChange={(q) => onQuantity(line.key, q)}
              label={`Quantity of ${line.name}`}
              compact
            />
            <div className="ticket-line__what">
              <strong>{line.name}</strong>
              {line.catalogId === null && <span className="muted"> · not on the menu</span>}
              {line.picks.length > 0 && (
                <span className="ticket-line__options">{picksLabel(line.picks)}</span>
              )}
              {line.note.trim() && (
                <span className="ticket-line__note">Note: {line.note.trim()}</span>
              )}
              <FieldError id={`items.${i}`} errors={errors} />
            </div>
            <span className="ticket-line__price">{money(lineCents(line), currency)}</span>
            <span className="ticket-line__buttons">
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Change ${line.name}`}
                onClick={() => onEdit(line)}
              >
                Change
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove ${line.name}`}
                onClick={() => onRemove(line.key)}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface TotalsProps {
  subtotalCents: number;
  /** Estimated tax, or null when the rate is not known yet. */
  taxCents: number | null;
  currency: string;
}

export function LiveTotals({ subtotalCents, taxCents, currency }: TotalsProps) {
  return (
    <dl className="totals totals--live" aria-live="polite" data-testid="live-totals">
      <dt>Subtotal</dt>
      <dd data-testid="live-subtotal">{money(subtotalCents, currency)}</dd>
      <dt>Tax</dt>
      <dd data-testid="live-tax">
        {taxCents === null ? 'added on sending' : money(taxCents, currency)}
      </dd>
      <dt className="totals__total">Total</dt>
      <dd className="totals__total">
        {taxCents === null
          ? `${money(subtotalCents, currency)} + tax`
          : money(subtotalCents + taxCents, currency)}
      </dd>
    </dl>
  );
}
