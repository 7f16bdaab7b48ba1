// Which screen is on show, and which screens keep their state while hidden (a half-taken phone
// order, a history search): once visited they stay mounted, hidden, until the app closes.
import { useEffect, useState } from 'react';

export type Screen = 'board' | 'scheduled' | 'done' | 'new' | 'history' | 'store' | 'health';
/** Screens that keep their state while hidden. */
type KeptScreen = Extract<Screen, 'new' | 'history'>;

export function useScreen() {
  const [screen, setScreen] = useState<Screen>('board');
  const [visited, setVisited] = useState<ReadonlySet<KeptScreen>>(new Set());
  useEffect(() => {
    if ((screen === 'new' || screen === 'history') && !visited.has(screen))
      setVisited((v) => new Set(v).add(screen));
  }, [screen, visited]);
  /** Whether a kept screen is mounted (on show, or visited before). */
  const keep = (s: KeptScreen): boolean => screen === s || visited.has(s);
  return { screen, setScreen, keep };
}
