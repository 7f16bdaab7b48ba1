// The manager PIN prompt. Manager-only calls (`manager: true` in the contract) carry the PIN in
// `X-Manager-Pin`; the core answers 403 when it is missing or wrong. `useManagerAction` runs an
// action with a PIN from a big on-screen keypad, keeps the PIN for one minute so a manager can
// 86 several items in a row, and forgets it on any refusal.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { LocalApiError } from '../api/client.js';
import { Modal } from './Modal.js';
import { useTexts } from '../i18n/context.js';
import { PIN_TEXTS } from './texts.js';

const REMEMBER_MS = 60_000;

type Action<T> = (pin: string) => Promise<T>;

interface Prompt {
  title: string;
  run: (pin: string) => Promise<void>;
  cancel: () => void;
}

const ManagerContext = createContext<
  (<T>(title: string, action: Action<T>) => Promise<T | null>) | null
>(null);

/** Runs `action` with the manager PIN (asking for it when needed); null when staff cancel. */
export function useManagerAction(): <T>(title: string, action: Action<T>) => Promise<T | null> {
  const run = useContext(ManagerContext);
  if (!run) throw new Error('useManagerAction outside <ManagerPinProvider>');
  return run;
}

const isPinRefusal = (err: unknown): boolean => err instanceof LocalApiError && err.status === 403;

export function ManagerPinProvider({ children }: { children: ReactNode }) {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const remembered = useRef<{ pin: string; until: number } | null>(null);

  const runWithPin = useCallback(
    async <T,>(title: string, action: Action<T>): Promise<T | null> => {
      const cached = remembered.current;
      if (cached && cached.until > Date.now()) {
        try {
          return await action(cached.pin);
        } catch (err) {
          if (!isPinRefusal(err)) throw err;
          remembered.current = null; // changed or locked: ask again
        }
      }
      return new Promise<T | null>((resolve, reject) => {
        setPrompt({
          title,
          cancel: () => {
            setPrompt(null);
            resolve(null);
          },
          run: async (pin) => {
            try {
              const result = await action(pin);
              remembered.current = { pin, until: Date.now() + REMEMBER_MS };
              setPrompt(null);
              resolve(result);
            } catch (err) {
              if (isPinRefusal(err)) throw err; // the keypad shows it and stays open
              setPrompt(null);
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          },
        });
      });
    },
    [],
  );

  return (
    <ManagerContext.Provider value={runWithPin}>
      {children}
      {prompt && <PinPad key={prompt.title} prompt={prompt} />}
    </ManagerContext.Provider>
  );
}

function PinPad({ prompt }: { prompt: Prompt }) {
  const t = useTexts(PIN_TEXTS);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    if (pin.length < 4 || busy) return;
    setBusy(true);
    try {
      await prompt.run(pin);
    } catch (err) {
      setError(err instanceof LocalApiError ? t.refusedBecause(err.code, err.message) : t.refused);
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  const press = (digit: string): void => {
    setError(null);
    setPin((p) => (p.length < 12 ? p + digit : p));
  };
  return (
    <Modal title="" labelledBy="pin-title" onClose={prompt.cancel} className="modal--pin">
      <h2 id="pin-title" className="modal__title">
        {t.title}
      </h2>
      <p className="pin__what">{prompt.title}</p>
      <input
        className="pin__field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        // The field's width comes from the keypad, not from the default 20 characters (which
        // at this font size are wider than the dialog and pushed the keys out of sight).
        size={1}
        aria-label={t.title}
        value={pin}
        autoFocus
        onChange={(e) => {
          setError(null);
          setPin(e.target.value.replace(/\D/g, '').slice(0, 12));
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void submit();
        }}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="pin__pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" className="pin__key" onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button
          type="button"
          className="pin__key"
          aria-label={t.deleteLabel}
          onClick={() => setPin((p) => p.slice(0, -1))}
        >
          {t.deleteKey}
        </button>
        <button type="button" className="pin__key" onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="pin__key pin__key--ok"
          disabled={pin.length < 4 || busy}
          onClick={() => void submit()}
        >
          {t.ok}
        </button>
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--ghost button--wide" onClick={prompt.cancel}>
          {t.cancel}
        </button>
      </div>
    </Modal>
  );
}
