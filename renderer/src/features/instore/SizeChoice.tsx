// An item's sizes (its variations): exactly one, a sold-out one shown but not offered.
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { isSizeAvailable, type MenuItem } from './menu.js';
import { CHOOSER_TEXTS, RULE_TEXTS } from './texts.js';

interface Props {
  item: MenuItem;
  soldOut: ReadonlySet<string>;
  currency: string;
  sizeId: string | null;
  onPick: (catalogId: string) => void;
  /** Add was tapped with no size chosen. */
  missing: boolean;
}

export function SizeChoice({ item, soldOut, currency, sizeId, onPick, missing }: Props) {
  const language = useLanguage();
  const t = useTexts(CHOOSER_TEXTS);
  const rule = useTexts(RULE_TEXTS);
  return (
    <fieldset className="choice-group" data-problem={missing} aria-describedby="chooser-size-rule">
      <legend>
        {t.size}{' '}
        <span id="chooser-size-rule" className="choice-group__rule">
          {rule.exactly(1)}
        </span>
        {missing && <span className="field-error choice-group__error">{rule.chooseOne}</span>}
      </legend>
      <div className="choice-row">
        {item.sizes.map((s) => {
          const available = isSizeAvailable(s, soldOut);
          return (
            <button
              key={s.catalogId}
              type="button"
              className={`option${sizeId === s.catalogId ? ' is-picked' : ''}`}
              aria-pressed={sizeId === s.catalogId}
              disabled={!available}
              onClick={() => onPick(s.catalogId)}
            >
              <span>{s.name}</span>
              <span className="option__price">
                {available ? money(s.priceCents, currency, language) : t.soldOut}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
