// Flattening an order's items and nested modifiers, for the "which item is sold out" picker.
import type { LineItem, Modifier } from '../../../../shared/order.js';

export interface Choice {
  type: 'item' | 'modifier';
  providerId: string;
  name: string;
  depth: number;
}

export function unavailableChoices(items: readonly LineItem[]): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  const add = (
    type: Choice['type'],
    providerId: string | null,
    name: string,
    depth: number,
  ): void => {
    if (!providerId || seen.has(`${type}:${providerId}`)) return;
    seen.add(`${type}:${providerId}`);
    out.push({ type, providerId, name, depth });
  };
  const walk = (mods: readonly Modifier[], depth: number): void => {
    for (const m of mods) {
      add('modifier', m.providerId, m.name, depth);
      walk(m.modifiers, depth + 1);
    }
  };
  for (const item of items) {
    add('item', item.providerId, item.name, 0);
    walk(item.modifiers, 1);
  }
  return out;
}
