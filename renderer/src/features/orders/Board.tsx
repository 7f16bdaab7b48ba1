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
import { useWholeCards } from './use-whole-cards.js';
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
  const progressRef = useRef<HTMLElement>(null);
  const progressScrollRef = useRef<HTMLDivElement>(null);
  const progress = useWholeCards(progressRef, progressScrollRef, inProgress.length);
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
          <LaneMore
            above={rows.above}
            below={rows.below}
            testId="more"
            shown={[t.moreAbove, t.moreBelow]}
            spoken={[t.moreAboveSpoken, t.moreBelowSpoken]}
            onScroll={rows.scroll}
          />
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
                  rows={rows.cardRows}
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
      <section
        ref={progressRef}
        className="lane lane--progress"
        aria-labelledby="lane-progress-title"
      >
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
          <LaneMore
            above={progress.above}
            below={progress.below}
            testId="progress-more"
            shown={[t.moreAbove, t.progressBelow]}
            spoken={[t.progressAboveSpoken, t.progressBelowSpoken]}
            onScroll={progress.scroll}
          />
        </div>
        {inProgress.length === 0 && <p className="lane__empty">{t.noneInProgress}</p>}
        <div ref={progressScrollRef} className="lane__scroll">
          <div className="lane__scroll-content">
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
          </div>
        </div>
      </section>
    </div>
  );
}

/** A lane's "↑ N" / "↓ N more": how many cards wait out of sight, and one tap shows the next. */
function LaneMore({
  above,
  below,
  testId,
  shown,
  spoken,
  onScroll,
}: {
  above: number;
  below: number;
  testId: string;
  /** Words on the buttons and for screen readers: [above, below]. */
  shown: readonly [(n: number) => string, (n: number) => string];
  spoken: readonly [(n: number) => string, (n: number) => string];
  onScroll: (step: 1 | -1) => void;
}) {
  if (above === 0 && below === 0) return null;
  return (
    <span className="lane__more">
      <button
        type="button"
        data-testid={`${testId}-above`}
        disabled={above === 0}
        aria-label={spoken[0](above)}
        onClick={() => onScroll(-1)}
      >
        {shown[0](above)}
      </button>
      <button
        type="button"
        data-testid={`${testId}-below`}
        disabled={below === 0}
        aria-label={spoken[1](below)}
        onClick={() => onScroll(1)}
      >
        {shown[1](below)}
      </button>
    </span>
  );
}
