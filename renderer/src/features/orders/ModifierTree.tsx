// An order's items with every level of modifiers, quantities and prices, indented the way a
// kitchen ticket is, and special instructions impossible to overlook.
import { isAllergyNote } from '../../../../shared/allergy.js';
import type { LineItem, Modifier } from '../../../../shared/order.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { CARD } from './texts.js';

function Modifiers({ modifiers, currency }: { modifiers: readonly Modifier[]; currency: string }) {
  const language = useLanguage();
  if (!modifiers.length) return null;
  return (
    <ul className="modifiers">
      {modifiers.map((m, i) => (
        <li key={`${m.providerId ?? m.name}-${i}`}>
          <span className="modifiers__row">
            <span className="qty">{m.quantity > 1 ? `${m.quantity}×` : '+'}</span>
            <span className="modifiers__name">{m.name}</span>
            {m.priceCents !== 0 && (
              <span className="price">{money(m.priceCents * m.quantity, currency, language)}</span>
            )}
          </span>
          <Modifiers modifiers={m.modifiers} currency={currency} />
        </li>
      ))}
    </ul>
  );
}

/** ALLERGY in a box before a note that names one (shared/allergy.ts), as on the card. */
export function AllergyFlag({ note }: { note: string | null }) {
  const t = useTexts(CARD);
  if (!isAllergyNote(note)) return null;
  return (
    <>
      <strong className="card-note__flag">{t.allergy}</strong>{' '}
    </>
  );
}

export function LineItems({ items, currency }: { items: readonly LineItem[]; currency: string }) {
  const language = useLanguage();
  const t = useTexts(CARD);
  return (
    <ul className="line-items" aria-label={t.items}>
      {items.map((item, i) => (
        <li key={`${item.providerId ?? item.name}-${i}`} className="line-item">
          <span className="line-item__row">
            <span className="qty qty--item">{item.quantity}×</span>
            <span className="line-item__name">{item.name}</span>
            <span className="price">
              {money(item.priceCents * item.quantity, currency, language)}
            </span>
          </span>
          <Modifiers modifiers={item.modifiers} currency={currency} />
          {item.specialInstructions && (
            <p className="instructions instructions--item">
              <Icon name="warning" />
              <strong>{t.itemNote}</strong> <AllergyFlag note={item.specialInstructions} />
              {item.specialInstructions}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
