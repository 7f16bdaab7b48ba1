// Choosing what goes with one menu item: its size, the options of each modifier group (within
// the group's min / max), the groups a chosen option opens, quantity and a note for the
// kitchen. Every choice is a big button; Tab / Shift+Tab and Enter / Space work throughout.
// The choices live in use-item-chooser.ts; sizes and groups are their own parts.
import { useRef } from 'react';
import { Modal } from '../../ui/Modal.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { MAX_QUANTITY, type DraftLine } from './draft.js';
import { GroupChoices } from './GroupChoices.js';
import type { Menu, MenuItem } from './menu.js';
import { QuantityStepper } from './QuantityStepper.js';
import { SizeChoice } from './SizeChoice.js';
import { CHOOSER_TEXTS } from './texts.js';
import { useItemChooser } from './use-item-chooser.js';

interface Props {
  menu: Menu;
  item: MenuItem;
  soldOut: ReadonlySet<string>;
  currency: string;
  /** The line being changed; absent for a new one. */
  editing?: DraftLine | undefined;
  onDone: (line: Omit<DraftLine, 'key'>) => void;
  onClose: () => void;
}

export function ItemChooser({ menu, item, soldOut, currency, editing, onDone, onClose }: Props) {
  const language = useLanguage();
  const t = useTexts(CHOOSER_TEXTS);
  const c = useItemChooser(menu, item, soldOut, editing);
  const body = useRef<HTMLDivElement>(null);

  const add = (): void => {
    const line = c.line();
    if (line) return onDone(line);
    // Bring the first group that still needs a choice into view.
    requestAnimationFrame(() =>
      body.current?.querySelector<HTMLElement>('[data-problem="true"] button')?.focus(),
    );
  };
  const stillToChoose = [
    ...(c.sizeMissing ? [t.size] : []),
    ...c.problems.map((p) => `${p.groupName} (${p.message})`),
  ];

  return (
    <Modal
      title={item.name}
      labelledBy="chooser-title"
      className="modal--chooser"
      onClose={onClose}
    >
      <div className="modal__head">
        <h2 id="chooser-title" className="modal__title">
          {item.name}
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
      {item.description && <p className="muted chooser__description">{item.description}</p>}
      <div className="chooser" ref={body}>
        {item.sizes.length > 0 && (
          <SizeChoice
            item={item}
            soldOut={soldOut}
            currency={currency}
            sizeId={c.sizeId}
            onPick={c.setSizeId}
            missing={c.tried && c.sizeMissing}
          />
        )}
        <GroupChoices
          menu={menu}
          groupIds={item.groupIds}
          picks={c.picks}
          onChange={c.setPicks}
          soldOut={soldOut}
          currency={currency}
          problems={c.tried ? c.problems : []}
          prefix=""
        />
        <div className="chooser__extras">
          <QuantityStepper
            value={c.quantity}
            max={MAX_QUANTITY}
            onChange={c.setQuantity}
            label={t.quantity}
          />
          <label className="field chooser__note">
            <span>{t.note}</span>
            <input
              value={c.note}
              maxLength={500}
              placeholder={t.noteHint}
              onChange={(e) => c.setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') add();
              }}
            />
          </label>
        </div>
      </div>
      {c.tried && stillToChoose.length > 0 && (
        <p className="field-error" role="alert">
          {t.stillToChoose} {stillToChoose.join(', ')}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--accept button--wide" onClick={add}>
          {editing ? t.update : t.add} {c.quantity > 1 ? `${c.quantity} × ` : ''}
          {item.name} · {money(c.quantity * c.each, currency, language)}
        </button>
      </div>
    </Modal>
  );
}
