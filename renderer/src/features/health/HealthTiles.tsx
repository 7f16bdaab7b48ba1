// The Health screen's tiles, each showing what it is given: this screen (push, sound, clock),
// the store, Stream, the menu, and this counter's own settings. State lives in use-health.ts.
import type { Health } from '../../../../shared/contract.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { intlLocale, LANGUAGES, type Language } from '../../i18n/language.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime, duration } from '../../ui/format.js';
import type { SoundName } from '../alerts/sound-player.js';
import { HEALTH } from './texts.js';

/** The sounds staff can try from this screen, with the words of each button. */
const SOUND_CHECKS: [SoundName, 'testNewOrder' | 'testUrgent' | 'testCancel'][] = [
  ['new-order', 'testNewOrder'],
  ['urgent', 'testUrgent'],
  ['cancel', 'testCancel'],
];

export function ThisScreenTile() {
  const language = useLanguage();
  const t = useTexts(HEALTH);
  const { connection, clock, sound } = useServices();
  const push = useObservable(connection);
  const soundState = useObservable({ get: sound.getState, subscribe: sound.subscribe });
  const offset = clock.offset();
  return (
    <div className="tile">
      <h3>{t.thisScreen}</h3>
      <p>
        {t.liveUpdates} <Mark ok={push === 'open'} />{' '}
        {push === 'open' ? t.push.open : push === 'lost' ? t.push.lost : t.push.connecting}
      </p>
      <p>
        {t.sound} <Mark ok={soundState === 'ready'} />{' '}
        {soundState === 'ready'
          ? t.soundState.ready
          : soundState === 'blocked'
            ? t.soundState.blocked
            : soundState === 'unavailable'
              ? t.soundState.unavailable
              : t.soundState.loading}
      </p>
      <p>
        {t.clockDifference}{' '}
        {Math.abs(offset) < 1000
          ? t.underOneSecond
          : t.seconds(
              (offset / 1000).toLocaleString(intlLocale(language), {
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
                useGrouping: false,
              }),
            )}
      </p>
      <div className="tile__buttons">
        {SOUND_CHECKS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            className="button button--ghost"
            onClick={() => (sound.unlock(), sound.play(name))}
          >
            {t[label]}
          </button>
        ))}
      </div>
    </div>
  );
}

export function StoreTile({ health, now }: { health: Health; now: number }) {
  const t = useTexts(HEALTH);
  return (
    <div className="tile">
      <h3>{t.store}</h3>
      <p>
        <strong>{health.location.name}</strong> ({health.location.id})
      </p>
      <p>
        {t.acceptance} {health.acceptanceMode === 'manual' ? t.acceptManual : t.acceptAuto}
      </p>
      <p>
        {t.ordersWaiting} <strong>{health.orders.pending}</strong> · {t.ordersOpen}{' '}
        <strong>{health.orders.open}</strong>
      </p>
      <p>{t.running(duration(now - health.startedAt), health.version)}</p>
    </div>
  );
}

export function StreamTile({ health, now }: { health: Health; now: number }) {
  const language = useLanguage();
  const t = useTexts(HEALTH);
  return (
    <div className="tile">
      <h3>{t.stream}</h3>
      <p>
        {t.lastContact}{' '}
        {health.outbox.lastStreamContactAt
          ? t.contactAgo(
              clockTime(health.outbox.lastStreamContactAt, language),
              duration(now - health.outbox.lastStreamContactAt),
            )
          : t.never}
      </p>
      <p>
        {t.messagesWaiting} <strong>{health.outbox.pending}</strong>
      </p>
      <p>
        {t.failedForGood}{' '}
        <strong className={health.outbox.dead ? 'error-text' : ''}>{health.outbox.dead}</strong>
      </p>
      <p>
        {t.listenerToken} <Mark ok={health.streamAuth.bearer} /> · {t.listenerSignature}{' '}
        <Mark ok={health.streamAuth.signature} />
      </p>
    </div>
  );
}

export function MenuTile({ health }: { health: Health }) {
  const language = useLanguage();
  const t = useTexts(HEALTH);
  return (
    <div className="tile">
      <h3>{t.menu}</h3>
      <p>
        {health.catalog.loaded
          ? t.menuLoaded(
              health.catalog.objects,
              health.catalog.loadedAt ? clockTime(health.catalog.loadedAt, language) : '',
            )
          : t.noMenu}
      </p>
    </div>
  );
}

export function ThisCounterTile() {
  const t = useTexts(HEALTH);
  const { settings } = useServices();
  const prefs = useObservable(settings);
  return (
    <div className="tile">
      <h3>{t.thisCounter}</h3>
      <label className="field">
        <span>{t.cashierName}</span>
        <input
          value={prefs.cashierName}
          maxLength={40}
          onChange={(e) => settings.update({ cashierName: e.target.value })}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.largeText}
          onChange={(e) => settings.update({ largeText: e.target.checked })}
        />{' '}
        {t.largeText}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.theme === 'light'}
          onChange={(e) => settings.update({ theme: e.target.checked ? 'light' : 'dark' })}
        />{' '}
        {t.lightTheme}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.skipPreparing}
          data-testid="skip-preparing"
          onChange={(e) => settings.update({ skipPreparing: e.target.checked })}
        />{' '}
        {t.skipPreparing}
      </label>
      <label className="field">
        <span>{t.language}</span>
        {/* Each language named in itself, so whoever reads it finds their own. */}
        <select
          value={prefs.language}
          data-testid="language"
          onChange={(e) => settings.update({ language: e.target.value as Language })}
        >
          {(Object.entries(LANGUAGES) as [Language, string][]).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** A tick or a cross with its meaning in words for screen readers. */
function Mark({ ok }: { ok: boolean }) {
  const t = useTexts(HEALTH);
  return (
    <span className={ok ? 'mark mark--ok' : 'mark mark--bad'}>
      <Icon name={ok ? 'check' : 'cross'} />
      <span className="visually-hidden">{ok ? t.yes : t.no}</span>
    </span>
  );
}
