// The menu side of the new-order form: type to search (name, size or category), or browse a
// category; tap an item to add it (or to choose its size and options first). Enter adds the
// first match, ↓ moves into the results. Sold-out items stay visible but cannot be added.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { ChoiceChips } from '../../ui/ChoiceChips.js';
import { money } from '../../ui/format.js';
import { SearchField } from '../../ui/SearchField.js';
import { isItemAvailable, needsChoices, searchMenu, type Menu, type MenuItem } from './menu.js';
import { MENU_TEXTS } from './texts.js';
import type { Language } from '../../i18n/language.js';

/** The "All" chip's key: no category has it, as checkCatalog refuses an empty id. */
const ALL_CATEGORIES = '';

interface Props {
  menu: Menu | null;
  soldOut: ReadonlySet<string>;
  problem: string | null;
  currency: string;
  onPick: (item: MenuItem) => void;
  onFreeText: () => void;
  /** Changes after an order is sent: clear the search and be ready for the next one. */
  clearSignal: number;
}

export function MenuPicker({
  menu,
  soldOut,
  problem,
  currency,
  onPick,
  onFreeText,
  clearSignal,
}: Props) {
  const language = useLanguage();
  const t = useTexts(MENU_TEXTS);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const results = useRef<HTMLUListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (clearSignal === 0) return;
    setQuery('');
    setCategory(null);
    search.current?.focus();
  }, [clearSignal]);
  const hits = useMemo(
    () => (menu ? searchMenu(menu, query, category, soldOut) : []),
    [menu, query, category, soldOut],
  );

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = hits.find((h) => isItemAvailable(h, soldOut));
      if (first) onPick(first);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      results.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  /** Arrow keys move between result buttons (a grid read left to right). */
  const onResultsKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const buttons = [...(results.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
  };

  return (
    <section className="menu-picker" aria-labelledby="menu-title">
      <h3 id="menu-title" className="visually-hidden">
        {t.title}
      </h3>
      <SearchField
        label={t.find}
        value={query}
        placeholder={t.findHint}
        ref={search}
        autoFocus
        data-testid="menu-search"
        onChange={setQuery}
        onKeyDown={onSearchKey}
      />
      {menu && menu.categories.length > 0 && (
        <ChoiceChips
          options={[ALL_CATEGORIES, ...menu.categories.map((c) => c.id)]}
          picked={category ?? ALL_CATEGORIES}
          // A second tap on the picked category shows them all again.
          onPick={(id) => setCategory(id === ALL_CATEGORIES || id === category ? null : id)}
          groupLabel={t.categories}
          label={(id) =>
            id === ALL_CATEGORIES ? t.all : menu.categories.find((c) => c.id === id)?.name
          }
        />
      )}
      {problem && <p className="lane__empty">{problem}</p>}
      {menu && hits.length === 0 && <p className="lane__empty">{t.noMatch(query)}</p>}
      <ul className="menu-results" ref={results} aria-label={t.results} onKeyDown={onResultsKey}>
        {hits.map((item) => {
          const available = isItemAvailable(item, soldOut);
          return (
            <li key={item.id}>
              <button
                type="button"
                className="menu-item"
                disabled={!available}
                data-testid="menu-item"
                onClick={() => onPick(item)}
              >
                <span className="menu-item__name">{item.name}</span>
                <span className="menu-item__price">
                  {!available ? t.soldOut : priceLabel(item, currency, t.from, language)}
                  {available && needsChoices(item) && <span className="muted">{t.options}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button--ghost" onClick={onFreeText}>
        {t.notOnMenu}
      </button>
    </section>
  );
}

function priceLabel(
  item: MenuItem,
  currency: string,
  from: (price: string) => string,
  language: Language,
): string {
  if (item.sizes.length === 0) return money(item.priceCents, currency, language);
  const prices = item.sizes.map((s) => s.priceCents);
  const low = Math.min(...prices);
  return prices.every((p) => p === low)
    ? money(low, currency, language)
    : from(money(low, currency, language));
}
