// Short messages at the bottom: a failed tap says why, in words.
import { useObservable, useServices } from './hooks.js';

export function Notices() {
  const { notices } = useServices();
  const list = useObservable(notices);
  return (
    <div className="notices" aria-live="assertive">
      {list.map((n) => (
        <p
          key={n.id}
          className={`notice notice--${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          {n.text}
        </p>
      ))}
    </div>
  );
}
