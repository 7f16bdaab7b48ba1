// The first manager PIN, set at the counter (Store screen, while none is set). In the desktop app
// the bridge sets it directly and shows the one-time setup code a browser would need; in a
// browser the core wants that code too (it is shown only on the counter: the desktop app or the
// connector's console), so whoever reaches the Local API first cannot choose the PIN.
import { useEffect, useState, type FormEvent } from 'react';
import { LocalApiError } from '../../api/client.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { PinField } from '../../ui/PinField.js';
import { PIN_SETUP_TEXTS } from './texts.js';

const PIN_SHAPE = /^\d{4,12}$/;

export function PinSetupPanel() {
  const language = useLanguage();
  const { api, transport, notify } = useServices();
  const atCounter = transport.kind === 'ipc';
  const t = useTexts(PIN_SETUP_TEXTS);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const [shownCode, setShownCode] = useState<string | null>(null);
  /** What is wrong, worded at render (a language switch re-words it). */
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | { failed: unknown } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!atCounter) return;
    api.getManagerPinSetupCode().then(
      (r) => setShownCode(r.setupCode),
      () => undefined,
    );
  }, [api, atCounter]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!PIN_SHAPE.test(pin)) return setProblem('tooShort');
    if (pin !== repeat) return setProblem('mismatch');
    setBusy(true);
    setProblem(null);
    try {
      await api.setupManagerPin(atCounter ? { pin } : { pin, setupCode: code.trim() });
      notify('info', t.done);
    } catch (err) {
      setProblem({ failed: err });
    } finally {
      setBusy(false);
    }
  };

  const error =
    problem === null
      ? null
      : typeof problem === 'string'
        ? t[problem]
        : problem.failed instanceof LocalApiError
          ? t.refused(problem.failed.code, problem.failed.message)
          : explain(problem.failed, language);
  return (
    <form className="tile pin-setup" data-testid="pin-setup" onSubmit={(e) => void submit(e)}>
      <h3>{t.title}</h3>
      <p>{t.why}</p>
      <PinField label={t.pin} value={pin} onChange={setPin} />
      <PinField label={t.repeat} value={repeat} onChange={setRepeat} />
      {atCounter ? (
        shownCode && (
          <p className="connect-code" data-testid="pin-setup-code">
            {t.codeHere} <strong>{shownCode}</strong>
          </p>
        )
      ) : (
        <>
          <p>{t.codeWhere}</p>
          <PinField
            label={t.code}
            value={code}
            onChange={setCode}
            maxDigits={6}
            secret={false}
            autoComplete="one-time-code"
          />
        </>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="tile__buttons">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}
