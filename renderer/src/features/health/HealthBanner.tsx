// Any health problem, over every screen but Health itself: what is wrong, since when, and what to
// do, so the Orders screen never looks fine while Stream hears nothing.
import type { HealthProblem } from '../../../../shared/health.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime } from '../../ui/format.js';
import { PROBLEM_TEXTS } from './problem-texts.js';
import { describeProblem } from './problems.js';

/** The banner shows the first few; the Health screen has them all. */
const SHOWN = 3;

export function HealthBanner({ onDetails }: { onDetails: () => void }) {
  const report = useObservable(useServices().health);
  // Sound blocked has its own prompt over the board (AlertBanners.tsx): not repeated here.
  if (!report?.problems.length) return null;
  return <ProblemBanner problems={report.problems} onDetails={onDetails} />;
}

function ProblemBanner({
  problems,
  onDetails,
}: {
  problems: readonly HealthProblem[];
  onDetails: () => void;
}) {
  const language = useLanguage();
  const t = useTexts(PROBLEM_TEXTS);
  const shown = problems.map((p) => describeProblem(p, language));
  const first = shown[0]!;
  return (
    <div className="health-banner" role="alert" data-testid="health-banner">
      <Icon name="warning" size="1.4em" />
      <div className="health-banner__words">
        <strong>{t.bannerTitle(shown.length)}</strong>
        <ul>
          {shown.slice(0, SHOWN).map((p) => (
            <li key={p.code} data-problem={p.code}>
              {p.title}
              {p.since !== null && (
                <span className="health-banner__since">
                  {' '}
                  ({t.since(clockTime(p.since, language))})
                </span>
              )}
            </li>
          ))}
        </ul>
        <span>
          {t.todo} {first.action}
        </span>
      </div>
      <button type="button" className="button health-banner__details" onClick={onDetails}>
        {t.details}
      </button>
    </div>
  );
}

/** The Health screen's list: every problem with since when and what to do. */
export function ProblemList({ problems }: { problems: readonly HealthProblem[] }) {
  const language = useLanguage();
  const t = useTexts(PROBLEM_TEXTS);
  if (!problems.length) return null;
  return (
    <ul className="problems" data-testid="health-problems">
      {problems
        .map((p) => describeProblem(p, language))
        .map((p) => (
          <li key={p.code} data-problem={p.code}>
            <Icon name="warning" /> <strong>{p.title}</strong>
            {p.since !== null && <> ({t.since(clockTime(p.since, language))})</>}
            <br />
            <span>
              {t.todo} {p.action}
            </span>
          </li>
        ))}
    </ul>
  );
}
