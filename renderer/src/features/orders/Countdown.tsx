// Time left to decide, as a ring AND as words: the ring empties, the number counts down, and the
// label changes to "HURRY" in the last seconds, so urgency never depends on seeing colour. The
// number never fades or blinks: it is read from a step back.
import { useTexts } from '../../i18n/context.js';
import { URGENT_WITHIN_MS } from '../../ui/urgency.js';
import { TIMING } from './texts.js';

interface Props {
  deadlineAt: number;
  receivedAt: number;
  now: number;
  size?: number;
}

export function Countdown({ deadlineAt, receivedAt, now, size = 84 }: Props) {
  const total = Math.max(1, deadlineAt - receivedAt);
  const left = Math.max(0, deadlineAt - now);
  const seconds = Math.ceil(left / 1000);
  const urgent = left <= URGENT_WITHIN_MS;
  const over = left <= 0;
  const stroke = 8;
  const r = (size - stroke) / 2;
  const circumference = 2 * Math.PI * r;
  const fraction = Math.min(1, left / total);
  const t = useTexts(TIMING);
  const label = over ? t.timeUp : urgent ? t.hurry : t.left;
  return (
    <div
      className={`countdown${urgent ? ' countdown--urgent' : ''}${over ? ' countdown--over' : ''}`}
      role="timer"
      aria-live="off"
      aria-label={over ? t.timeUpLabel : t.secondsLeft(seconds)}
      data-seconds-left={seconds}
      style={{ width: size, height: size }}
    >
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        <circle
          className="countdown__track"
          cx={size / 2}
          cy={size / 2}
          r={r}
          strokeWidth={stroke}
          fill="none"
        />
        <circle
          className="countdown__arc"
          cx={size / 2}
          cy={size / 2}
          r={r}
          strokeWidth={stroke}
          fill="none"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      <div className="countdown__text" aria-hidden="true">
        <span className="countdown__number" style={{ fontSize: size * 0.42 }}>
          {over ? '0' : seconds}
        </span>
        <span className="countdown__unit" style={{ fontSize: Math.max(16, size * 0.17) }}>
          {over ? label : t.unit(label)}
        </span>
      </div>
    </div>
  );
}
