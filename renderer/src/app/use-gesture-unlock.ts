// Any tap or key is a user gesture: the moment the browser lets us enable sound and ask for
// desktop notifications (neither may start without one).
import { useEffect } from 'react';
import { useServices } from './hooks.js';

export function useGestureUnlock(): void {
  const { sound } = useServices();
  useEffect(() => {
    const onGesture = (): void => {
      sound.unlock();
      if (typeof Notification !== 'undefined' && Notification.permission === 'default')
        void Notification.requestPermission();
    };
    window.addEventListener('pointerdown', onGesture, true);
    window.addEventListener('keydown', onGesture, true);
    return () => {
      window.removeEventListener('pointerdown', onGesture, true);
      window.removeEventListener('keydown', onGesture, true);
    };
  }, [sound]);
}
