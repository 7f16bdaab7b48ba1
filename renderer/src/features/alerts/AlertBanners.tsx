// The loud parts of the screen: the new-order strip (flashing, with a Silence button), one
// banner per cancellation until someone confirms it, and the warning when sound is blocked.
// While a dialog is open, App.tsx renders the first two inside it (app/dialogs.ts).
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { orderNumber, sourceName } from '../../ui/labels.js';
import { clockTime } from '../../ui/format.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { ALERT_TEXTS } from './texts.js';

/** `loudOnly`: shown only while an order rings or runs out of time (over a dialog, where a calm
 * reminder of orders already seen would only be in the way). */
export function NewOrderStrip({ onShow, loudOnly }: { onShow: () => void; loudOnly?: boolean }) {
  const { alerts } = useServices();
  const { picture, pendingCount } = useObservable({
    get: alerts.getSnapshot,
    subscribe: alerts.subscribe,
  });
  const urgent = picture.urgent.length > 0;
  const ringing = picture.ringing.length > 0;
  const t = useTexts(ALERT_TEXTS);
  if (!pendingCount || (loudOnly && !urgent && !ringing)) return null;
  return (
    <div
      className={`strip ${urgent ? 'strip--urgent' : ringing ? 'strip--ringing' : 'strip--calm'}`}
      role="alert"
      data-testid="new-order-strip"
    >
      <span className="strip__text">
        <Icon name={urgent ? 'warning' : 'bell'} size="1.4em" />
        {t.waiting(pendingCount)}
        {urgent && t.runningOut}
      </span>
      <span className="strip__actions">
        <button type="button" className="button button--strip" onClick={onShow}>
          {t.show}
        </button>
        {ringing && (
          <button
            type="button"
            className="button button--strip"
            onClick={() => alerts.acknowledgeAll()}
          >
            {t.silence}
          </button>
        )}
      </span>
    </div>
  );
}

export function CancelBanners({ onOpen }: { onOpen: (id: string) => void }) {
  const language = useLanguage();
  const { alerts } = useServices();
  const { cancels } = useObservable({ get: alerts.getSnapshot, subscribe: alerts.subscribe });
  const t = useTexts(ALERT_TEXTS);
  if (!cancels.length) return null;
  return (
    <div className="cancels">
      {cancels.map(({ order, canceledBy, at }) => (
        <div
          key={order.id}
          className="cancel-banner"
          role="alert"
          data-testid="cancel-banner"
          data-order-id={order.id}
        >
          <Icon name="stop" size="2.2em" className="cancel-banner__icon" />
          <span className="cancel-banner__text">
            <strong>{t.canceled}</strong>
            {t.canceledOrder(
              `${sourceName(order.source, order.origin, language)} ${orderNumber(order)}`,
              order.customerName,
            )}
            <small>
              {t.canceledBy(
                canceledBy === 'stream'
                  ? t.byStream
                  : canceledBy === 'relay'
                    ? t.byRelay
                    : canceledBy,
                clockTime(at, language),
              )}
            </small>
          </span>
          <button type="button" className="button button--strip" onClick={() => onOpen(order.id)}>
            {t.details}
          </button>
          <button
            type="button"
            className="button button--strip button--confirm"
            onClick={() => alerts.dismissCancel(order.id)}
          >
            {t.gotIt}
          </button>
        </div>
      ))}
    </div>
  );
}

export function SoundBanner() {
  const { sound } = useServices();
  const state = useObservable({ get: sound.getState, subscribe: sound.subscribe });
  const t = useTexts(ALERT_TEXTS);
  if (state === 'ready' || state === 'loading') return null;
  if (state === 'unavailable')
    return (
      <div className="sound-banner sound-banner--off" role="alert" data-testid="sound-banner">
        <Icon name="muted" size="1.5em" />
        {t.noSound}
      </div>
    );
  // Covers the board until tapped: after every reload the browser starts silent, and a board
  // that looks ready but cannot ring misses orders.
  return (
    <div className="sound-prompt">
      <button
        type="button"
        className="sound-banner sound-prompt__button"
        data-testid="sound-banner"
        onClick={() => sound.unlock()}
      >
        <Icon name="muted" size="3em" />
        <span>{t.soundOff}</span>
        <small>{t.soundOffWhy}</small>
      </button>
    </div>
  );
}
