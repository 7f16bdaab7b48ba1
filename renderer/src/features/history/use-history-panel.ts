// The history screen's state: what is typed and searched (the search waits for a pause in
// typing), the days, source and status picked, the orders and daily totals they find, the count
// of changes since the last search, and the CSV export of the same search. HistoryPanel.tsx and
// its parts only show it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrderStatus } from '../../../../shared/domain.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { saveDownload } from './download.js';
import {
  dayLabel,
  localDay,
  presetRange,
  rangeLabel,
  totalsRange,
  type RangePreset,
} from './local-day.js';
import { COMMON_SOURCES } from './sources.js';
import { HISTORY } from './texts.js';
import { useChangedOrders } from './use-changed-orders.js';
import {
  historyQuery,
  useHistorySearch,
  useHistoryTotals,
  type HistoryFilters,
} from './use-history.js';

/** The status filters; each one's name is `HISTORY.statusFilter[id]`. */
export type StatusFilterId = keyof (typeof HISTORY)['en']['statusFilter'];
export const STATUS_FILTERS: {
  id: StatusFilterId;
  statuses: OrderStatus[];
}[] = [
  { id: 'all', statuses: [] },
  { id: 'open', statuses: ['pending', 'accepted', 'preparing', 'ready', 'out_for_delivery'] },
  { id: 'completed', statuses: ['completed'] },
  { id: 'canceled', statuses: ['canceled'] },
  { id: 'refused', statuses: ['rejected', 'expired'] },
];
const SEARCH_DELAY_MS = 250;

export type HistoryView = 'orders' | 'totals';

export function useHistoryPanel(now: number, active: boolean) {
  const language = useLanguage();
  const t = useTexts(HISTORY);
  const services = useServices();
  const { api, notify } = services;
  const storeStatus = useObservable(services.storeStatus);
  const today = localDay(now, storeStatus?.schedule.timeZone);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [preset, setPreset] = useState<RangePreset | null>('week');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [statusFilter, setStatusFilter] = useState<StatusFilterId>('all');
  const [source, setSource] = useState('');
  const [refresh, setRefresh] = useState(0);
  const [atTop, setAtTop] = useState(true);
  const searchAgain = useCallback(() => setRefresh((r) => r + 1), []);
  const unseen = useChangedOrders(active, atTop, refresh, searchAgain);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<HistoryView>('orders');

  useEffect(() => {
    const id = setTimeout(() => setQ(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(id);
  }, [typed]);

  const range = preset ? presetRange(preset, today) : custom;
  const filters: HistoryFilters = {
    q,
    from: range.from,
    to: range.to,
    source,
    statuses: STATUS_FILTERS.find((s) => s.id === statusFilter)?.statuses ?? [],
  };
  const pages = useHistorySearch(filters, refresh);
  const totalsDays = totalsRange(range, today);
  const totals = useHistoryTotals(totalsDays.from, totalsDays.to, refresh);
  const sources = useMemo(
    () => [...new Set([...COMMON_SOURCES, ...totals.days.map((d) => d.source)])].sort(),
    [totals.days],
  );

  const exportCsv = async (): Promise<void> => {
    setExporting(true);
    try {
      const saved = await saveDownload(
        services.transport,
        await api.exportHistory(historyQuery(filters)),
      );
      if (saved) notify('info', t.exported(saved));
    } catch (err) {
      notify('error', t.exportFailed(explain(err, language)));
    } finally {
      setExporting(false);
    }
  };

  const caption =
    preset && preset !== 'all'
      ? rangeLabel(preset, language)
      : totalsDays.from === totalsDays.to
        ? dayLabel(totalsDays.from, language)
        : `${dayLabel(totalsDays.from, language)} – ${dayLabel(totalsDays.to, language)}`;

  return {
    today,
    typed,
    setTyped,
    /** Search now, without waiting for the pause (Enter). */
    searchTyped: () => setQ(typed),
    q,
    preset,
    setPreset,
    range,
    /** A day typed into the from / to field: the range becomes a custom one. */
    setDay: (end: 'from' | 'to', day: string) => {
      setCustom({ ...range, [end]: day });
      setPreset(null);
    },
    statusFilter,
    setStatusFilter,
    source,
    setSource,
    sources,
    filters,
    refresh,
    searchAgain,
    unseen,
    setAtTop,
    pages,
    totals,
    currency: pages.orders[0]?.currency ?? 'USD',
    caption,
    exporting,
    exportCsv,
    view,
    setView,
  };
}

export type HistoryPanelState = ReturnType<typeof useHistoryPanel>;
