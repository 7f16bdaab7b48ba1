// The order as taken so far: each line with its quantity, options and note, change or remove
// it, and the live totals. Before sending, tax is an estimate (see tax.ts); the connector's own
// figures replace it once the order is taken.
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { lineCents, MAX_QUANTITY, picksLabel, type DraftLine } from './draft.js';
import type { FieldErrors } from './field-errors.js';
import { FieldError } from './TextField.js';
import { QuantityStepper } from './QuantityStepper.js';
import { TICKET_TEXTS } from './texts.js';

interface Props {
  lines: readonly DraftLine[];
  currency: string;
  errors: FieldErrors;
  onQuantity: (key: string, quantity: number) => void;
  onEdit: (line: DraftLine) => void;
  onRemove: (key: string) => void;
}

export function TicketLines({ lines, currency, errors, onQuantity, onEdit, onRemove }: Props) {
  const language = useLanguage();
  const t = useTexts(TICKET_TEXTS);
  return (
    <div className="ticket-lines" data-field="items">
      <FieldError id="items" errors={errors} />
      {lines.length === 0 && <p className="lane__empty">{t.empty}</p>}
      <ul className="ticket-lines__list" aria-label={t.lines}>
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
              label={t.quantityOf(line.name)}
              compact
            />
            <div className="ticket-line__what">
              <strong>{line.name}</strong>
              {line.catalogId === null && <span className="muted">{t.notOnMenu}</span>}
              {line.picks.length > 0 && (
                <span className="ticket-line__options">{picksLabel(line.picks)}</span>
              )}
              {line.note.trim() && (
                <span className="ticket-line__note">{t.note(line.note.trim())}</span>
              )}
              <FieldError id={`items.${i}`} errors={errors} />
            </div>
            <span className="ticket-line__price">{money(lineCents(line), currency, language)}</span>
            <span className="ticket-line__buttons">
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t.changeLine(line.name)}
                onClick={() => onEdit(line)}
              >
                {t.change}
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t.removeLine(line.name)}
                onClick={() => onRemove(line.key)}
              >
                {t.remove}
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
  /** The delivery fee as typed (0: none); null while what is typed is not an amount. */
  deliveryFeeCents: number | null;
  currency: string;
}

export function LiveTotals({ subtotalCents, taxCents, deliveryFeeCents, currency }: TotalsProps) {
  const language = useLanguage();
  const t = useTexts(TICKET_TEXTS);
  const fee = deliveryFeeCents ?? 0;
  const known = subtotalCents + fee;
  const total =
    taxCents === null
      ? t.plusTax(money(known, currency, language))
      : money(known + taxCents, currency, language);
  return (
    <dl className="totals totals--live" aria-live="polite" data-testid="live-totals">
      <dt>{t.subtotal}</dt>
      <dd data-testid="live-subtotal">{money(subtotalCents, currency, language)}</dd>
      <dt>{t.tax}</dt>
      <dd data-testid="live-tax">
        {taxCents === null ? t.taxOnSending : money(taxCents, currency, language)}
      </dd>
      {(fee > 0 || deliveryFeeCents === null) && (
        <>
          <dt>{t.deliveryFee}</dt>
          <dd data-testid="live-fee">
            {deliveryFeeCents === null ? t.feeUnreadable : money(fee, currency, language)}
          </dd>
        </>
      )}
      <dt className="totals__total">{t.total}</dt>
      <dd className="totals__total" data-testid="live-total">
        {/* A fee that is not an amount yet: the total says what it still lacks. */}
        {deliveryFeeCents === null ? t.plusFee(total) : total}
      </dd>
    </dl>
  );
}
