// The POS leg on the health screen: which POS driver, whether the POS answers its health check,
// orders on their way or stuck, and the kitchen printer asked right now (paper, cover, online).
import { useEffect, useState } from 'react';
import type { PosStatus, PrinterStatus } from '../../../../shared/pos.js';
import { useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { clockTime } from '../../ui/format.js';
import { POS_TILE } from './texts.js';

export function PosHealthTile({ refreshKey }: { refreshKey: number }) {
  const language = useLanguage();
  const { api } = useServices();
  const [status, setStatus] = useState<PosStatus | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [checking, setChecking] = useState(false);
  /** The printer check's failure as thrown; worded at render, in the language on screen. */
  const [failure, setFailure] = useState<unknown>(null);
  const t = useTexts(POS_TILE);

  useEffect(() => {
    let live = true;
    api.getPosStatus().then(
      (s) => live && setStatus(s),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [api, refreshKey]);

  const checkPrinter = async (): Promise<void> => {
    setChecking(true);
    setFailure(null);
    try {
      setPrinter(await api.getPrinterStatus());
    } catch (err) {
      setFailure(err);
    } finally {
      setChecking(false);
    }
  };

  if (!status) return null;
  const notInPos = status.attention.filter((l) => l.notInPos || l.state === 'failed').length;
  const voids = status.attention.filter((l) => l.voidState === 'failed').length;
  return (
    <div className="tile" data-testid="pos-health">
      <h3>{t.title}</h3>
      <p>{t.pos(t.driver[status.driver])}</p>
      {status.health && (
        <p className={status.health.reachable ? '' : 'error-text'}>
          {!status.health.reachable && <Icon name="warning" />}{' '}
          {status.health.reachable ? t.answers : t.notAnswering} ({status.health.detail})
        </p>
      )}
      <p>
        {t.onTheirWay} <strong>{status.queued}</strong> · {t.notInPos}{' '}
        <strong className={notInPos ? 'error-text' : ''}>{notInPos}</strong>
        {voids > 0 && (
          <>
            {' '}
            · {t.voidsFailed} <strong className="error-text">{voids}</strong>
          </>
        )}
      </p>
      <p>
        {t.kitchenPrinter}{' '}
        {status.printer.enabled ? (status.printer.address ?? t.printerOn) : t.printerNone}
      </p>
      {status.printer.enabled && (
        <div className="tile__buttons">
          <button
            type="button"
            className="button button--ghost"
            disabled={checking}
            onClick={() => void checkPrinter()}
          >
            {checking ? t.asking : t.checkNow}
          </button>
        </div>
      )}
      {failure !== null && <p className="error-text">{explain(failure, language)}</p>}
      {printer && (
        <p className={printer.problems.length || !printer.reachable ? 'error-text' : ''}>
          {(printer.problems.length > 0 || !printer.reachable) && <Icon name="warning" />}{' '}
          {!printer.reachable
            ? t.noAnswer
            : printer.problems.length
              ? t.problems(printer.problems.join(', '))
              : t.ready}{' '}
          <span className="muted">{t.checked(clockTime(printer.checkedAt, language))}</span>
        </p>
      )}
    </div>
  );
}
