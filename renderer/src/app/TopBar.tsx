// The top bar: the store's name and clock, the missed count, one tab per screen (with counts, and
// the store tab as the red "PAUSED until …" pill when the store takes no orders), and the count of
// new orders waiting, which is always in sight. Its height never changes (board.css).
import { useEffect, useState } from 'react';
import type { StoreStatus } from '../../../shared/store.js';
import { MissedToday } from '../features/missed/MissedGroup.js';
import type { Lanes } from '../features/orders/live-orders.js';
import { useLanguage, useTexts } from '../i18n/context.js';
import { clockTime, storeDayTime } from '../ui/format.js';
import { useServices } from './hooks.js';
import { APP_TEXTS } from './texts.js';
import type { Screen } from './use-screen.js';
import type { Language } from '../i18n/language.js';

const APP_NAME = 'Stream Connector';

interface Tab {
  id: Screen;
  label: string;
  /** The label on narrow screens (1024 px), where seven tabs must fit in one row. */
  short?: string;
  count?: number;
  /** Said before the label to screen readers ("Store: PAUSED until 16:30"). */
  spoken?: string;
  alarm?: boolean;
}

/** A tab's words: the short label only where the language has one shorter than the full name. */
function tabWords(words: { label: string; short: string }): { label: string; short?: string } {
  return words.short === words.label ? { label: words.label } : words;
}

/** The store's name from health, once; the app's name until it comes (or if it cannot: the
 * connection banner already says the connector is unreachable). */
function useStoreName(): string {
  const { api } = useServices();
  const [storeName, setStoreName] = useState('');
  useEffect(() => {
    api.getHealth().then(
      (h) => setStoreName(h.location.name),
      () => undefined,
    );
  }, [api]);
  return storeName || APP_NAME;
}

function screenTabs(
  t: (typeof APP_TEXTS)['en'],
  lanes: Lanes,
  storeStatus: StoreStatus | null,
  now: number,
  language: Language,
): Tab[] {
  // A paused or closed store's tab is the red pill itself ("PAUSED until 16:30"): one place to
  // read it and to tap it, and no extra element to squeeze the tabs when the store pauses.
  const pausedWords =
    storeStatus && !storeStatus.acceptingOrders
      ? storeStatus.state === 'closed'
        ? t.closed
        : t.paused
      : null;
  const storeTab = pausedWords
    ? {
        label: `${pausedWords}${storeStatus?.reopensAt ? t.until(storeDayTime(storeStatus.reopensAt, now, language)) : ''}`,
        short: pausedWords,
        spoken: t.tabs.store.label,
        alarm: true,
      }
    : tabWords(t.tabs.store);
  return [
    {
      id: 'board',
      ...tabWords(t.tabs.board),
      count: lanes.pending.length + lanes.inProgress.length,
    },
    { id: 'scheduled', ...tabWords(t.tabs.scheduled), count: lanes.scheduled.length },
    { id: 'done', ...tabWords(t.tabs.done), count: lanes.done.length },
    { id: 'new', ...tabWords(t.tabs.new) },
    { id: 'history', ...tabWords(t.tabs.history) },
    { id: 'store', ...storeTab },
    { id: 'health', ...tabWords(t.tabs.health) },
  ];
}

interface Props {
  lanes: Lanes;
  storeStatus: StoreStatus | null;
  now: number;
  screen: Screen;
  onScreen: (screen: Screen) => void;
}

export function TopBar({ lanes, storeStatus, now, screen, onScreen }: Props) {
  const language = useLanguage();
  const t = useTexts(APP_TEXTS);
  const storeName = useStoreName();
  return (
    <header className="topbar">
      <div className="topbar__store">
        <span className="topbar__name">{storeName}</span>
        <span className="topbar__clock" aria-label={t.time}>
          {clockTime(now, language)}
        </span>
        <MissedToday />
      </div>
      <nav className="tabs" aria-label={t.screens}>
        {screenTabs(t, lanes, storeStatus, now, language).map((tab) => (
          <TabButton
            key={tab.id}
            tab={tab}
            current={screen === tab.id}
            onClick={() => onScreen(tab.id)}
          />
        ))}
      </nav>
      <div
        className={`topbar__pending${lanes.pending.length ? ' has-pending' : ''}`}
        aria-live="polite"
      >
        <span className="topbar__pending-number">{lanes.pending.length}</span>
        <span className="topbar__pending-label">{t.newOrders(lanes.pending.length)}</span>
      </div>
    </header>
  );
}

function TabButton({ tab, current, onClick }: { tab: Tab; current: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`tab${current ? ' is-current' : ''}${tab.alarm ? ' tab--alarm' : ''}`}
      data-testid={tab.alarm ? 'paused-pill' : undefined}
      aria-current={current ? 'page' : undefined}
      // The full name for screen readers and tests, whichever label the width shows.
      aria-label={
        tab.short
          ? `${tab.spoken ? `${tab.spoken}: ` : ''}${tab.label}${tab.count !== undefined ? ` ${tab.count}` : ''}`
          : undefined
      }
      onClick={onClick}
    >
      {tab.short ? (
        <>
          <span className="label--wide">{tab.label}</span>
          <span className="label--narrow">{tab.short}</span>
        </>
      ) : (
        tab.label
      )}
      {tab.count !== undefined && <span className="tab__count">{tab.count}</span>}
    </button>
  );
}
