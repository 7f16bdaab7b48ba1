// The problems this screen shows: the core's (`GET /api/health`) and this screen's own (sound
// blocked here), each in the language on screen.
import type { HealthProblem } from '../../../../shared/health.js';
import type { Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import type { SoundState } from '../alerts/sound-player.js';
import { PROBLEM_TEXTS } from './problem-texts.js';

export interface ShownProblem {
  code: string;
  title: string;
  action: string;
  since: number | null;
}

export function screenProblems(
  server: readonly HealthProblem[],
  sound: SoundState,
  now: number,
): HealthProblem[] {
  if (sound !== 'blocked' && sound !== 'unavailable') return [...server];
  return [
    ...server,
    {
      code: 'sound_blocked',
      area: 'sound',
      message: 'Sound is blocked on this screen',
      action: 'Tap the screen once to turn sound on.',
      since: now,
      count: null,
    },
  ];
}

type Words = { title: string | ((n: number) => string); action: string };

export function describeProblem(p: HealthProblem, language: Language): ShownProblem {
  const problems = texts(PROBLEM_TEXTS, language).problems as unknown as Record<
    string,
    Words | undefined
  >;
  const known = problems[p.code];
  if (!known) return { code: p.code, title: p.message, action: p.action, since: p.since };
  const title =
    typeof known.title === 'function' ? known.title(Math.abs(p.count ?? 0)) : known.title;
  return { code: p.code, title, action: known.action, since: p.since };
}
