// The manager PIN's state for the screens (is one set, is it locked, lockouts in a row): read
// at start and at every reconnect, then kept by the core's `manager.pin.updated` push events.
import { useEffect, useState } from 'react';
import type { ManagerPinStatus } from '../../../../shared/manager.js';
import { useObservable, useServices } from '../../app/hooks.js';

export function usePinStatus(): ManagerPinStatus | null {
  const { api, onPush, connection } = useServices();
  const link = useObservable(connection);
  const [status, setStatus] = useState<ManagerPinStatus | null>(null);
  useEffect(() => {
    if (link !== 'open') return;
    api.getManagerPin().then(setStatus, () => undefined); // the connection banner says why
  }, [api, link]);
  useEffect(
    () =>
      onPush((m) => {
        if (m.event === 'manager.pin.updated') setStatus(m.data);
      }),
    [onPush],
  );
  return status;
}
