// The choices being made for one menu item: its size, its modifiers (nested ones inside them),
// quantity and kitchen note, what the catalog's rules still ask for, and the line they make.
import { useState } from 'react';
import { groupProblems, unitWithModifiers, type DraftLine, type ModifierPick } from './draft.js';
import { isSizeAvailable, type Menu, type MenuItem } from './menu.js';
import { useLanguage } from '../../i18n/context.js';

export function useItemChooser(
  menu: Menu,
  item: MenuItem,
  soldOut: ReadonlySet<string>,
  editing: DraftLine | undefined,
) {
  const language = useLanguage();
  const availableSizes = item.sizes.filter((s) => isSizeAvailable(s, soldOut));
  const [sizeId, setSizeId] = useState<string | null>(
    editing?.catalogId ?? (availableSizes.length === 1 ? availableSizes[0]!.catalogId : null),
  );
  const [picks, setPicks] = useState<ModifierPick[]>(editing?.picks ?? []);
  const [quantity, setQuantity] = useState(editing?.quantity ?? 1);
  const [note, setNote] = useState(editing?.note ?? '');
  /** Add was tapped: the problems show from then on. */
  const [tried, setTried] = useState(false);

  const size = item.sizes.find((s) => s.catalogId === sizeId) ?? null;
  const unitCents = size ? size.priceCents : item.priceCents;
  const problems = groupProblems(menu, item.groupIds, picks, language);
  const sizeMissing = item.sizes.length > 0 && !size;

  /** The line, or null (and the problems shown) while a rule still asks for a choice. */
  const line = (): Omit<DraftLine, 'key'> | null => {
    if (sizeMissing || problems.length) {
      setTried(true);
      return null;
    }
    return {
      catalogId: size ? size.catalogId : item.id,
      itemId: item.id,
      name: size ? `${item.name} (${size.name})` : item.name,
      unitCents,
      quantity,
      picks,
      note,
    };
  };

  return {
    sizeId,
    setSizeId,
    picks,
    setPicks,
    quantity,
    setQuantity,
    note,
    setNote,
    tried,
    problems,
    sizeMissing,
    each: unitWithModifiers({ unitCents, picks }),
    line,
  };
}
