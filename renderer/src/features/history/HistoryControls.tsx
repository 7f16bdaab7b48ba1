// The history screen's controls: the search, source, refresh and export row, and the filter row
// (days, statuses, orders or daily totals). They show and change useHistoryPanel's state.
import { useLanguage, useTexts } from '../../i18n/context.js';
import { ChoiceChips } from '../../ui/ChoiceChips.js';
import { SearchField } from '../../ui/SearchField.js';
import { RANGE_PRESETS, rangeLabel, rangeShort } from './local-day.js';
import { historySourceLabel } from './sources.js';
import { HISTORY } from './texts.js';
import { STATUS_FILTERS, type HistoryPanelState } from './use-history-panel.js';

export function HistorySearchBar({ s }: { s: HistoryPanelState }) {
  const language = useLanguage();
  const t = useTexts(HISTORY);
  return (
    <div className="history__head">
      <h2 id="history-title" className="lane__title">
        {t.title}
      </h2>
      <SearchField
        label={t.searchLabel}
        labelHidden
        className="history__search"
        value={s.typed}
        placeholder={t.searchPlaceholder}
        data-testid="history-search"
        onChange={s.setTyped}
        onKeyDown={(e) => {
          if (e.key === 'Enter') s.searchTyped();
        }}
      />
      <label className="field field--inline">
        <span>{t.source}</span>
        <select value={s.source} onChange={(e) => s.setSource(e.target.value)}>
          <option value="">{t.allSources}</option>
          {s.sources.map((source) => (
            <option key={source} value={source}>
              {historySourceLabel(source, language)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`button ${s.unseen > 0 ? 'button--step' : 'button--ghost'}`}
        onClick={s.searchAgain}
        data-testid="history-refresh"
      >
        {s.unseen > 0 ? t.showChanged(s.unseen) : t.refresh}
      </button>
      <button
        type="button"
        className="button button--step"
        disabled={s.exporting}
        onClick={() => void s.exportCsv()}
      >
        {s.exporting ? t.exporting : t.exportCsv}
      </button>
    </div>
  );
}

const VIEWS = ['orders', 'totals'] as const;

export function HistoryFilterBar({ s }: { s: HistoryPanelState }) {
  const language = useLanguage();
  const t = useTexts(HISTORY);
  return (
    <div className="history__filters">
      <ChoiceChips
        options={RANGE_PRESETS}
        picked={s.preset}
        onPick={s.setPreset}
        groupLabel={t.days}
        spokenLabel={(p) => rangeLabel(p, language)}
        label={(p) => (
          <>
            <span className="label--wide">{rangeLabel(p, language)}</span>
            <span className="label--narrow">{rangeShort(p, language)}</span>
          </>
        )}
      >
        {(['from', 'to'] as const).map((end) => (
          <label key={end} className="field field--inline">
            <span>{t[end]}</span>
            <input
              type="date"
              value={s.range[end]}
              max={s.today}
              onChange={(e) => s.setDay(end, e.target.value)}
            />
          </label>
        ))}
      </ChoiceChips>
      <div className="history__row">
        <ChoiceChips
          options={STATUS_FILTERS.map((f) => f.id)}
          picked={s.statusFilter}
          onPick={s.setStatusFilter}
          groupLabel={t.status}
          label={(id) => t.statusFilter[id]}
        />
        <ChoiceChips
          options={VIEWS}
          picked={s.view}
          onPick={s.setView}
          groupLabel={t.show}
          className="history__switch"
          label={(view) => (view === 'orders' ? t.orders : t.dailyTotals)}
        />
      </div>
    </div>
  );
}
