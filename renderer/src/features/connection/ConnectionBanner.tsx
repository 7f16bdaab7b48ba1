// Shown whenever the push channel is down: the board may be out of date, so say so plainly.
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';

export function ConnectionBanner() {
  const { connection } = useServices();
  const state = useObservable(connection);
  if (state !== 'lost') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <Icon name="offline" size="1.6em" />
      <strong>Connection lost</strong> — new orders cannot reach this screen. Reconnecting…
    </div>
  );
}
