// Which card on the board is chosen, and what the board's keys do to it (keyboard.ts). The cards
// read as one list: new orders in their lane's order, then orders in progress group by group.
// The chosen card holds the keyboard focus once a key has moved it (so the focus ring shows where
// the next key lands), and after a bump the choice moves to the card that followed it, so a cook
// bumps a row of tickets with one key.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OrderSummary } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import type { OrderActions } from './actions.js';
import { useBoardUi } from './board-ui.js';
import { type BoardKeys, useBoardKeys } from './keyboard.js';
import type { Lanes } from './live-orders.js';
import { PREP_STEP, clampPrep } from './PrepStepper.js';
import { useNextStep } from './use-next-step.js';

/** The in-progress groups, in the order the lane shows them. */
export const PROGRESS_GROUPS = [
  { key: 'preparing', statuses: ['accepted', 'preparing'] },
  { key: 'ready', statuses: ['ready'] },
  { key: 'outForDelivery', statuses: ['out_for_delivery'] },
] as const;

export function progressGroups(inProgress: readonly OrderSummary[]) {
  return PROGRESS_GROUPS.map((group) => ({
    key: group.key,
    orders: inProgress.filter((o) => (group.statuses as readonly string[]).includes(o.status)),
  }));
}

export interface BoardCursor {
  selectedId: string | null;
  select: (id: string) => void;
}

/** The card element for an order (PendingCard / ProgressCard carry `data-board-card`). */
function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `[data-board-card][data-order-id="${CSS.escape(id)}"]`,
  );
}

function isBoardCard(element: Element): boolean {
  return element.matches('[data-board-card]');
}

/** Focus there belongs to someone typing or to an open dialog: a board key must not move it. */
function isTypingOrDialog(element: Element | null): boolean {
  return (
    element !== null &&
    element.closest('input, textarea, select, [contenteditable], dialog, [role="dialog"]') !== null
  );
}

export function useBoardCursor(
  lanes: Lanes,
  actions: OrderActions,
  active: boolean,
  defaultPrep: number,
): BoardCursor {
  const { alerts } = useServices();
  const ui = useBoardUi();
  const nextStep = useNextStep();
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The newest choice, set as it is made: React runs the effects still pending from the render
  // before a key's choice before it renders that choice, and such an effect, working from the old
  // choice, must not focus the old card (its focus would choose it again and undo the key: CI saw
  // ↓ stay on the first card, and A's next choice jump back to the order just accepted).
  const latestChoice = useRef<string | null>(null);
  const setChoice = useCallback((id: string | null): void => {
    latestChoice.current = id;
    setChosenId(id);
  }, []);
  // Set when a key moved the choice: the next render moves the focus to the chosen card.
  const focusNext = useRef(false);
  // Set while keys drive the board; a pointer press hands it back to touch. While set, the chosen
  // card keeps the focus through re-renders that re-mount it (a row moving to another group).
  const keyboardDriven = useRef(false);
  const { pending } = lanes;
  const progress = useMemo(
    () => progressGroups(lanes.inProgress).flatMap((g) => g.orders),
    [lanes.inProgress],
  );
  const cards = useMemo(() => [...pending, ...progress], [pending, progress]);
  const selected = cards.find((o) => o.id === chosenId) ?? pending[0] ?? progress[0];

  useEffect(() => {
    const release = (): void => {
      keyboardDriven.current = false;
    };
    document.addEventListener('pointerdown', release, true);
    return () => document.removeEventListener('pointerdown', release, true);
  }, []);

  // Every render: a bumped row that moves group is a new element, mounted by the render that
  // brings its status change (after the key, sometimes a push or two later), and the focus is lost
  // with the old element without any event. So the chosen card takes the focus back whenever it
  // sits on nothing or on another card, but never from a dialog or a text field.
  useEffect(() => {
    if (!keyboardDriven.current || !active || !selected) return;
    if (latestChoice.current !== chosenId) return; // a newer choice's render will focus it
    const card = cardElement(selected.id);
    const holder = document.activeElement;
    if (!card || holder === card) return;
    const onBoard = holder === null || holder === document.body || isBoardCard(holder);
    if (onBoard || (focusNext.current && !isTypingOrDialog(holder))) card.focus();
    if (document.activeElement === card) focusNext.current = false;
  });

  const keys = useMemo((): BoardKeys => {
    const isPending = (o: OrderSummary | undefined): boolean =>
      o !== undefined && pending.includes(o);
    const prepOf = (o: OrderSummary): number => ui.prepFor(o.id, o.prepTimeMinutes ?? defaultPrep);
    /** `undefined`: the board's default (the most urgent new order, else the first in progress). */
    const choose = (o: OrderSummary | undefined): void => {
      focusNext.current = true;
      keyboardDriven.current = true;
      setChoice(o?.id ?? null);
      if (o && isPending(o)) alerts.acknowledge(o.id);
    };
    /** The card after `o` in its lane (else the one before): where the choice goes once `o`
     * leaves its place. */
    const successor = (o: OrderSummary): OrderSummary | undefined => {
      const lane = isPending(o) ? pending : progress;
      const at = lane.indexOf(o);
      return lane[at + 1] ?? lane[at - 1];
    };
    const accept = (o: OrderSummary): void => {
      choose(successor(o));
      void actions.accept(o.id, prepOf(o));
    };
    return {
      accept: () => selected && isPending(selected) && accept(selected),
      bump: () => {
        if (!selected) return;
        if (isPending(selected)) return accept(selected);
        const step = nextStep(selected);
        if (!step) return;
        // The choice goes to the row that took its place; with none, an order still in progress
        // after this step (ready, out for delivery) stays chosen, so the next bump hands it off.
        choose(successor(selected) ?? (step.status === 'completed' ? undefined : selected));
        void actions.setStatus(selected.id, step.status);
      },
      reject: () => selected && isPending(selected) && ui.openReject(selected.id),
      prep: (delta) =>
        selected &&
        isPending(selected) &&
        ui.setPrep(selected.id, clampPrep(prepOf(selected) + delta * PREP_STEP)),
      move: (delta) => {
        if (!cards.length) return;
        const at = Math.max(0, selected ? cards.indexOf(selected) : 0);
        choose(cards[Math.min(cards.length - 1, Math.max(0, at + delta))]);
      },
      lane: (delta) => {
        if (delta > 0 && isPending(selected)) choose(progress[0]);
        else if (delta < 0 && selected && !isPending(selected)) choose(pending[0]);
        else if (selected) {
          keyboardDriven.current = true;
          cardElement(selected.id)?.focus(); // already there: show the choice
        }
      },
      open: () => selected && ui.openDetail(selected.id),
    };
  }, [selected, pending, progress, cards, actions, ui, alerts, nextStep, defaultPrep, setChoice]);
  useBoardKeys(keys, active);

  return {
    selectedId: selected?.id ?? null,
    select: (id) => {
      setChoice(id);
      if (pending.some((o) => o.id === id)) alerts.acknowledge(id);
    },
  };
}
