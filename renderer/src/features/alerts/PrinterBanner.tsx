// The kitchen printer's trouble over every screen, before a ticket fails: paper out, cover
// open, unreachable (loud), or paper running low (a quiet heads-up). From the POS status read
// at every (re)connect (services.posStatus), then the `printer.status` push events of the core's
// printer watch; "Check again" asks the printer now.
import { useEffect, useState } from 'react';
import type { PrinterStatus } from '../../../../shared/pos.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { PRINTER_TEXTS } from './texts.js';

export function PrinterBanner() {
  const language = useLanguage();
  const { api, onPush, notify, posStatus } = useServices();
  const pos = useObservable(posStatus);
  const [status, setStatus] = useState<PrinterStatus | null>(null);
  const [checking, setChecking] = useState(false);

  // The watch's last reading at every (re)connect; its changes come as push events.
  useEffect(() => {
    if (pos) setStatus(pos.printer.lastStatus);
  }, [pos]);

  useEffect(
    () =>
      onPush((m) => {
        if (m.event === 'printer.status') setStatus(m.data);
      }),
    [onPush],
  );

  const t = useTexts(PRINTER_TEXTS);
  if (!status) return null;
  const broken = status.problems.length > 0;
  if (!broken && !status.paperNearEnd) return null;

  const checkAgain = async (): Promise<void> => {
    setChecking(true);
    try {
      setStatus(await api.getPrinterStatus());
    } catch (err) {
      notify('error', explain(err, language));
    } finally {
      setChecking(false);
    }
  };

  return (
    <div
      className={`pos-attention__banner${broken ? '' : ' pos-attention__banner--soft'}`}
      role={broken ? 'alert' : 'status'}
      data-testid="printer-banner"
    >
      <Icon name="warning" size="1.8em" />
      <span className="pos-attention__text">
        {broken ? (
          <>
            <strong>{t.trouble}:</strong> {status.problems.map(t.problem).join(', ')}.{' '}
            <small>{t.troubleHint}</small>
          </>
        ) : (
          <>
            <strong>{t.low}.</strong> <small>{t.lowHint}</small>
          </>
        )}
      </span>
      <button
        type="button"
        className="button button--strip"
        disabled={checking}
        onClick={() => void checkAgain()}
      >
        {checking ? t.checking : t.checkAgain}
      </button>
    </div>
  );
}
