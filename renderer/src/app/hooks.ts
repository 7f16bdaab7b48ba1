// React access to the shared services.
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { Services } from './services.js';

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext.Provider>');
  return services;
}

export function useObservable<T>(source: {
  get: () => T;
  subscribe: (l: () => void) => () => void;
}): T {
  return useSyncExternalStore(source.subscribe, source.get);
}

/** Server time, refreshed every `everyMs`: drives countdowns and "x min ago". */
export function useServerNow(everyMs = 250): number {
  const { clock } = useServices();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const id = setInterval(() => setNow(clock.now()), everyMs);
    const off = clock.subscribe(() => setNow(clock.now()));
    return () => {
      clearInterval(id);
      off();
    };
  }, [clock, everyMs]);
  return now;
}
