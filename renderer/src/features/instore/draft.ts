// The order being taken, before it is sent: lines (menu items with their chosen modifiers, or
// free text with a price), the rules each modifier group sets (min / max different choices,
// nested groups included), the live subtotal in integer cents, and the request the Local API
// takes (`createInStoreOrder`, shared/instore.ts).
import type { InStoreLineItem, InStoreModifierInput } from '../../../../shared/instore.js';
import type { Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import type { Menu, MenuGroup } from './menu.js';
import { RULE_TEXTS } from './texts.js';

/** One chosen modifier, with what it opened. Name and price are kept as they were when chosen. */
export interface ModifierPick {
  groupId: string;
  modifierId: string;
  name: string;
  priceCents: number;
  picks: ModifierPick[];
}

export interface DraftLine {
  /** Stable key for the screen (lines can repeat the same item). */
  key: string;
  /** The catalog id (`family` or `family|item`); null for a free-text line. */
  catalogId: string | null;
  /** The family, to open its choices again for an edit; null for free text. */
  itemId: string | null;
  name: string;
  unitCents: number;
  quantity: number;
  picks: ModifierPick[];
  note: string;
}

export const MAX_QUANTITY = 999;

/** Price of one unit of the line: the item and every modifier under it. */
export function unitWithModifiers(line: Pick<DraftLine, 'unitCents' | 'picks'>): number {
  return line.unitCents + picksCents(line.picks);
}

function picksCents(picks: readonly ModifierPick[]): number {
  return picks.reduce((sum, p) => sum + p.priceCents + picksCents(p.picks), 0);
}

export function lineCents(line: DraftLine): number {
  return line.quantity * unitWithModifiers(line);
}

export function subtotalCents(lines: readonly DraftLine[]): number {
  return lines.reduce((sum, l) => sum + lineCents(l), 0);
}

export interface GroupProblem {
  /** Where the group is: the ids of the modifiers chosen above it, then the group's id. */
  path: string;
  groupName: string;
  message: string;
}

/** Rules the catalog sets on modifier groups, checked for `groupIds` and every nested group
 * opened by a chosen modifier. Empty when the choices are complete. */
export function groupProblems(
  menu: Pick<Menu, 'groups' | 'modifiers'>,
  groupIds: readonly string[],
  picks: readonly ModifierPick[],
  language: Language,
  prefix = '',
): GroupProblem[] {
  const problems: GroupProblem[] = [];
  for (const groupId of groupIds) {
    const group = menu.groups.get(groupId);
    if (!group) continue;
    const chosen = picks.filter((p) => p.groupId === groupId).length;
    const message = ruleBroken(group, chosen, language);
    if (message) problems.push({ path: `${prefix}${groupId}`, groupName: group.name, message });
  }
  for (const pick of picks) {
    const opened = menu.modifiers.get(pick.modifierId)?.groupIds ?? [];
    problems.push(
      ...groupProblems(
        menu,
        opened,
        pick.picks,
        language,
        `${prefix}${pick.groupId}/${pick.modifierId}/`,
      ),
    );
  }
  return problems;
}

function ruleBroken(group: MenuGroup, chosen: number, language: Language): string | null {
  const t = texts(RULE_TEXTS, language);
  if (chosen < group.min)
    return group.min === 1 && group.max === 1 ? t.chooseOne : t.chooseAtLeast(group.min);
  if (chosen > group.max) return t.chooseAtMost(group.max);
  return null;
}

/** What the rule says, for the group's heading: "Choose 1", "Up to 4", "1 to 2", "Optional". */
export function groupRule(group: MenuGroup, language: Language): string {
  const t = texts(RULE_TEXTS, language);
  if (group.min === group.max) return t.exactly(group.min);
  if (group.min === 0) return group.max === Infinity ? t.optional : t.optionalUpTo(group.max);
  return group.max === Infinity ? t.atLeast(group.min) : t.between(group.min, group.max);
}

/** Choose or un-choose a modifier in a group: a single-choice group swaps its choice, a full
 * group takes no more. */
export function togglePick(
  picks: readonly ModifierPick[],
  group: MenuGroup,
  modifier: { id: string; name: string; priceCents: number },
): ModifierPick[] {
  const isThis = (p: ModifierPick) => p.groupId === group.id && p.modifierId === modifier.id;
  if (picks.some(isThis)) return picks.filter((p) => !isThis(p));
  const pick: ModifierPick = {
    groupId: group.id,
    modifierId: modifier.id,
    name: modifier.name,
    priceCents: modifier.priceCents,
    picks: [],
  };
  const inGroup = picks.filter((p) => p.groupId === group.id);
  if (group.max === 1) return [...picks.filter((p) => p.groupId !== group.id), pick];
  if (inGroup.length >= group.max) return [...picks];
  return [...picks, pick];
}

/** Replace the nested choices of one chosen modifier. */
export function setNestedPicks(
  picks: readonly ModifierPick[],
  target: ModifierPick,
  nested: ModifierPick[],
): ModifierPick[] {
  return picks.map((p) => (p === target ? { ...p, picks: nested } : p));
}

function modifierRequest(p: ModifierPick): InStoreModifierInput {
  return {
    catalogId: p.modifierId,
    ...(p.picks.length ? { modifiers: p.picks.map(modifierRequest) } : {}),
  };
}

/** The line as `createInStoreOrder` takes it: a catalog id brings its own name and price. */
export function lineRequest(line: DraftLine): InStoreLineItem {
  const note = line.note.trim();
  return {
    ...(line.catalogId !== null
      ? { catalogId: line.catalogId }
      : { name: line.name.trim(), priceCents: line.unitCents }),
    quantity: line.quantity,
    ...(note ? { specialInstructions: note } : {}),
    ...(line.picks.length ? { modifiers: line.picks.map(modifierRequest) } : {}),
  };
}

/** "4.50", "4,50", "$4.5", "12" → cents, without floating point; null when it is not a price. */
export function parsePriceCents(input: string): number | null {
  const match = /^\s*[$€£]?\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(input);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** A flat list of the chosen modifiers for a line's summary: "Medium, Bacon, Left: Pepperoni". */
export function picksLabel(picks: readonly ModifierPick[]): string {
  return picks
    .map((p) => (p.picks.length ? `${p.name} (${picksLabel(p.picks)})` : p.name))
    .join(', ');
}
