// The manager PIN over the screens: after wrong PINs locked it, on every screen, how many
// lockouts in a row, until when, and what the manager should do (the core announces each lockout
// and the right PIN that clears them, `manager.pin.updated`); "no PIN yet" with the way to set
// one on every screen but the board (in a rush its space is for orders) and the Store screen
// (which shows the setup form itself).
import { useServerNow } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime } from '../../ui/format.js';
import { PIN_SETUP_TEXTS } from './texts.js';
import { usePinStatus } from './use-pin-status.js';

export function ManagerPinBanner({ screen, onSetUp }: { screen: string; onSetUp: () => void }) {
  const language = useLanguage();
  const status = usePinStatus();
  const now = useServerNow(1000);
  const t = useTexts(PIN_SETUP_TEXTS);
  if (!status) return null;
  if (!status.isSet)
    return screen === 'board' || screen === 'store' ? null : (
      <div className="health-banner" role="status" data-testid="pin-not-set-banner">
        <Icon name="warning" size="1.4em" />
        <div className="health-banner__words">
          <strong>{t.bannerNotSet}</strong> <span>{t.bannerNotSetTodo}</span>
        </div>
        <button type="button" className="button health-banner__details" onClick={onSetUp}>
          {t.setUp}
        </button>
      </div>
    );
  if (status.lockouts === 0 || status.lastLockedAt === null) return null;
  const locked = status.lockedUntil !== null && status.lockedUntil > now;
  return (
    <div className="health-banner" role="alert" data-testid="pin-lockout-banner">
      <Icon name="warning" size="1.4em" />
      <div className="health-banner__words">
        <strong>
          {t.bannerLocked(status.lockouts, clockTime(status.lastLockedAt, language))}
          {locked && t.lockedUntil(clockTime(status.lockedUntil!, language))}
        </strong>
        <span>{t.bannerLockedTodo}</span>
      </div>
    </div>
  );
}
