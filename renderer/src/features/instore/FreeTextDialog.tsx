// Something not on the menu (a special, a bottle of wine brought up from the cellar): a name, a
// price typed the way people say it ("4.50"), and how many. The price is kept in cents.
import { useState } from 'react';
import { Modal } from '../../ui/Modal.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { MAX_QUANTITY, parsePriceCents, type DraftLine } from './draft.js';
import { QuantityStepper } from './QuantityStepper.js';
import { CHOOSER_TEXTS } from './texts.js';

interface Props {
  currency: string;
  editing?: DraftLine;
  onDone: (line: Omit<DraftLine, 'key'>) => void;
  onClose: () => void;
}

export function FreeTextDialog({ currency, editing, onDone, onClose }: Props) {
  const language = useLanguage();
  const t = useTexts(CHOOSER_TEXTS);
  const [name, setName] = useState(editing?.name ?? '');
  const [price, setPrice] = useState(editing ? (editing.unitCents / 100).toFixed(2) : '');
  const [quantity, setQuantity] = useState(editing?.quantity ?? 1);
  const [note, setNote] = useState(editing?.note ?? '');
  const [tried, setTried] = useState(false);
  const cents = parsePriceCents(price);
  const nameProblem = name.trim() ? null : t.freeNameMissing;
  const priceProblem = cents === null ? t.freePriceMissing : null;

  const add = (): void => {
    if (nameProblem || cents === null) {
      setTried(true);
      return;
    }
    onDone({
      catalogId: null,
      itemId: null,
      name: name.trim(),
      unitCents: cents,
      quantity,
      picks: [],
      note,
    });
  };

  return (
    <Modal title={t.freeTitle} onClose={onClose} className="modal--chooser">
      <form
        className="chooser"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        noValidate
      >
        <label className="field">
          <span>{t.freeName}</span>
          <input
            value={name}
            maxLength={200}
            autoFocus
            aria-invalid={tried && nameProblem !== null}
            aria-describedby="free-name-error"
            onChange={(e) => setName(e.target.value)}
          />
          <span id="free-name-error" className="field-error">
            {tried ? nameProblem : null}
          </span>
        </label>
        <label className="field">
          <span>{t.freePrice(currency)}</span>
          <input
            value={price}
            inputMode="decimal"
            placeholder="0.00"
            aria-invalid={tried && priceProblem !== null}
            aria-describedby="free-price-error"
            onChange={(e) => setPrice(e.target.value)}
          />
          <span id="free-price-error" className="field-error">
            {tried ? priceProblem : null}
          </span>
        </label>
        <div className="chooser__extras">
          <QuantityStepper
            value={quantity}
            max={MAX_QUANTITY}
            onChange={setQuantity}
            label={t.quantity}
          />
          <label className="field chooser__note">
            <span>{t.note}</span>
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
        <div className="modal__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="button button--accept button--wide">
            {editing ? t.update : t.add}
            {cents !== null && name.trim()
              ? ` · ${money(quantity * cents, currency, language)}`
              : ''}
          </button>
        </div>
      </form>
    </Modal>
  );
}
