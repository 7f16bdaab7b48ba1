// Shown whenever the push channel is down: the board may be out of date, so say so plainly.
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { useTexts } from '../../i18n/context.js';
import { CONNECTION_TEXTS } from '../alerts/texts.js';

export function ConnectionBanner() {
  const { connection } = useServices();
  const state = useObservable(connection);
  if (state !== 'lost') return null;
  const t = useTexts(CONNECTION_TEXTS);
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <Icon name="offline" size="1.6em" />
      <strong>{t.lost}</strong>
      {t.lostDetail}
    </div>
  );
}
