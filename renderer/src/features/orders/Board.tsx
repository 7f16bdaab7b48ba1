// The orders board: new orders on the left, large and loud; orders in progress on the right,
// grouped by where they are. Everything a cashier needs in the first hour is on this screen.
import { useRef } from 'react';
import { useObservable, useServices } from '../../app/hooks.js';
import { useTexts } from '../../i18n/context.js';
import type { OrderActions } from './actions.js';
import { useBoardUi } from './board-ui.js';
import { MissedGroup } from '../missed/MissedGroup.js';
import type { Lanes } from './live-orders.js';
import { PendingCard } from './PendingCard.js';
import { ProgressCard } from './ProgressCard.js';
import { BOARD } from './texts.js';
import { progressGroups, useBoardCursor } from './use-board-cursor.js';
import { useWholeRows } from './use-whole-rows.js';

interface Props {
  lanes: Lanes;
  now: number;
  actions: OrderActions;
  /** Shortcuts only while the board is the screen in front. */
  active: boolean;
  defaultPrep: number;
}

export function Board({ lanes, now, actions, active, defaultPrep }: Props) {
  const { alerts } = useServices();
  const alertState = useObservable({ get: alerts.getSnapshot, subscribe: alerts.subscribe });
  const ui = useBoardUi();
  const cursor = useBoardCursor(lanes, actions, active, defaultPrep);
  const { pending, inProgress } = lanes;
  const prepOf = (id: string, fallback: number | null): number =>
    ui.prepFor(id, fallback ?? defaultPrep);
  const laneRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const rows = useWholeRows(laneRef, listRef, pending.length);
  const t = useTexts(BOARD);

  return (
    <div className="board">
      <MissedGroup orders={lanes.missed} onOpen={ui.openDetail} />
      <section ref={laneRef} className="lane lane--pending" aria-labelledby="lane-pending-title">
        <div className="lane__head">
          <h2 id="lane-pending-title" className="lane__title">
            {t.newOrders}{' '}
            <span className="lane__count" data-testid="pending-count">
              {pending.length}
            </span>
          </h2>
          {pending.length > 0 && (
            <p className="lane__hint" aria-hidden="true">
              {t.keys.title} <kbd>↑</kbd>
              <kbd>↓</kbd> {t.keys.choose} · <kbd>←</kbd>
              <kbd>→</kbd> {t.keys.lane} · <kbd>A</kbd>
              <kbd>{t.keys.space}</kbd> {t.keys.accept} · <kbd>R</kbd> {t.keys.reject} ·{' '}
              <kbd>+</kbd>
              <kbd>−</kbd> {t.keys.prep} · <kbd>↵</kbd> {t.keys.details}
            </p>
          )}
          {(rows.above > 0 || rows.below > 0) && (
            <span className="lane__more">
              <button
                type="button"
                data-testid="more-above"
                disabled={rows.above === 0}
                aria-label={t.moreAboveSpoken(rows.above)}
                onClick={() => rows.scroll(-1)}
              >
                {t.moreAbove(rows.above)}
              </button>
              <button
                type="button"
                data-testid="more-below"
                disabled={rows.below === 0}
                aria-label={t.moreBelowSpoken(rows.below)}
                onClick={() => rows.scroll(1)}
              >
                {t.moreBelow(rows.below)}
              </button>
            </span>
          )}
        </div>
        {pending.length === 0 ? (
          <p className="lane__empty">{t.noNewOrders}</p>
        ) : (
          <ol ref={listRef} className="lane__list lane__list--cards" aria-label={t.newOrdersList}>
            {pending.map((order) => (
              <li key={order.id}>
                <PendingCard
                  order={order}
                  now={now}
                  prep={prepOf(order.id, order.prepTimeMinutes)}
                  selected={order.id === cursor.selectedId}
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
                  onSelect={() => cursor.select(order.id)}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="lane lane--progress" aria-labelledby="lane-progress-title">
        <div className="lane__head">
          <h2 id="lane-progress-title" className="lane__title">
            {t.inProgress} <span className="lane__count">{inProgress.length}</span>
          </h2>
          {inProgress.length > 0 && (
            <p className="lane__hint" aria-hidden="true" data-testid="bump-hint">
              <kbd>{t.keys.space}</kbd>
              <kbd>B</kbd> {t.keys.bump}
            </p>
          )}
        </div>
        {inProgress.length === 0 && <p className="lane__empty">{t.noneInProgress}</p>}
        {progressGroups(inProgress).map((group) => {
          const { orders } = group;
          if (!orders.length) return null;
          return (
            <div key={group.key} className="lane__group">
              <h3 className="lane__group-title">
                {t.group[group.key]} <span className="lane__count">{orders.length}</span>
              </h3>
              <ul className="lane__list">
                {orders.map((order) => (
                  <li key={order.id}>
                    <ProgressCard
                      order={order}
                      now={now}
                      busy={actions.busy.has(order.id)}
                      selected={order.id === cursor.selectedId}
                      onSelect={() => cursor.select(order.id)}
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
