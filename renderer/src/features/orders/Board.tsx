// The orders board: new orders on the left, large and loud; orders in progress on the right,
// grouped by where they are. Everything a cashier needs in the first hour is on this screen.
import { useMemo, useState } from 'react';
import { useObservable, useServices } from '../../app/hooks.js';
import type { OrderActions } from './actions.js';
import { useBoardUi } from './board-ui.js';
import { useBoardKeys } from './keyboard.js';
import type { Lanes } from './orders-store.js';
import { PendingCard } from './PendingCard.js';
import { PREP_STEP, clampPrep } from './PrepStepper.js';
import { ProgressCard } from './ProgressCard.js';

interface Props {
  lanes: Lanes;
  now: number;
  actions: OrderActions;
  /** Shortcuts only while the board is the screen in front. */
  active: boolean;
  defaultPrep: number;
}

const GROUPS = [
  { title: 'Accepted · preparing', statuses: ['accepted', 'preparing'] },
  { title: 'Ready', statuses: ['ready'] },
  { title: 'Out for delivery', statuses: ['out_for_delivery'] },
] as const;

export function Board({ lanes, now, actions, active, defaultPrep }: Props) {
  const { alerts } = useServices();
  const alertState = useObservable({ get: alerts.getSnapshot, subscribe: alerts.subscribe });
  const ui = useBoardUi();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { pending, inProgress } = lanes;
  const selected = pending.find((o) => o.id === selectedId) ?? pending[0];
  const prepOf = (id: string, fallback: number | null): number =>
    ui.prepFor(id, fallback ?? defaultPrep);

  const keys = useMemo(
    () => ({
      accept: () =>
        selected && void actions.accept(selected.id, prepOf(selected.id, selected.prepTimeMinutes)),
      reject: () => selected && ui.openReject(selected.id),
      prep: (delta: number) =>
        selected &&
        ui.setPrep(
          selected.id,
          clampPrep(prepOf(selected.id, selected.prepTimeMinutes) + delta * PREP_STEP),
        ),
      move: (delta: number) => {
        if (!pending.length) return;
        const at = Math.max(
          0,
          pending.findIndex((o) => o.id === selected?.id),
        );
        const next = pending[Math.min(pending.length - 1, Math.max(0, at + delta))]!;
        setSelectedId(next.id);
        alerts.acknowledge(next.id);
      },
      open: () => selected && ui.openDetail(selected.id),
    }),
    [selected, pending, actions, ui, alerts],
  );
  useBoardKeys(keys, active);

  return (
    <div className="board">
      <section className="lane lane--pending" aria-labelledby="lane-pending-title">
        <h2 id="lane-pending-title" className="lane__title">
          New orders{' '}
          <span className="lane__count" data-testid="pending-count">
            {pending.length}
          </span>
        </h2>
        {pending.length === 0 ? (
          <p className="lane__empty">
            No new orders. When one arrives it appears here with a sound, and the top bar flashes.
          </p>
        ) : (
          <ol className="lane__list" aria-label="New orders, most urgent first">
            {pending.map((order) => (
              <li key={order.id}>
                <PendingCard
                  order={order}
                  now={now}
                  prep={prepOf(order.id, order.prepTimeMinutes)}
                  selected={order.id === selected?.id}
                  ringing={alertState.picture.ringing.includes(order.id)}
                  busy={actions.busy.has(order.id)}
                  onPrep={(m) => {
                    ui.setPrep(order.id, m);
                    alerts.acknowledge(order.id);
                  }}
                  onAccept={() =>
                    void actions.accept(order.id, prepOf(order.id, order.prepTimeMinutes))
                  }
                  onReject={() => ui.openReject(order.id)}
                  onOpen={() => ui.openDetail(order.id)}
                  onSelect={() => {
                    setSelectedId(order.id);
                    alerts.acknowledge(order.id);
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        {pending.length > 0 && (
          <p className="lane__hint" aria-hidden="true">
            Keys: <kbd>A</kbd> accept · <kbd>R</kbd> reject · <kbd>+</kbd>/<kbd>−</kbd> prep time ·{' '}
            <kbd>↑</kbd>/<kbd>↓</kbd> choose · <kbd>↵</kbd> details
          </p>
        )}
      </section>
      <section className="lane lane--progress" aria-labelledby="lane-progress-title">
        <h2 id="lane-progress-title" className="lane__title">
          In progress <span className="lane__count">{inProgress.length}</span>
        </h2>
        {inProgress.length === 0 && (
          <p className="lane__empty">Accepted orders show here until they are picked up.</p>
        )}
        {GROUPS.map((group) => {
          const orders = inProgress.filter((o) =>
            (group.statuses as readonly string[]).includes(o.status),
          );
          if (!orders.length) return null;
          return (
            <div key={group.title} className="lane__group">
              <h3 className="lane__group-title">
                {group.title} <span className="lane__count">{orders.length}</span>
              </h3>
              <ul className="lane__list">
                {orders.map((order) => (
                  <li key={order.id}>
                    <ProgressCard
                      order={order}
                      now={now}
                      busy={actions.busy.has(order.id)}
                      onStep={(status) => void actions.setStatus(order.id, status)}
                      onOpen={() => ui.openDetail(order.id)}
                    />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </div>
  );
}
