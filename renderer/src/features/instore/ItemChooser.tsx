// Choosing what goes with one menu item: its size, the options of each modifier group (within
// the group's min / max), the groups a chosen option opens, quantity and a note for the
// kitchen. Every choice is a big button; Tab / Shift+Tab and Enter / Space work throughout.
import { useRef, useState } from 'react';
import { Modal } from '../../ui/Modal.js';
import { texts } from '../../i18n/texts.js';
import { money } from '../../ui/format.js';
import {
  groupProblems,
  groupRule,
  MAX_QUANTITY,
  setNestedPicks,
  togglePick,
  unitWithModifiers,
  type DraftLine,
  type GroupProblem,
  type ModifierPick,
} from './draft.js';
import { isModifierAvailable, isSizeAvailable, type Menu, type MenuItem } from './menu.js';
import { QuantityStepper } from './QuantityStepper.js';
import { CHOOSER_TEXTS, RULE_TEXTS } from './texts.js';

interface Props {
  menu: Menu;
  item: MenuItem;
  soldOut: ReadonlySet<string>;
  currency: string;
  /** The line being changed; absent for a new one. */
  editing?: DraftLine;
  onDone: (line: Omit<DraftLine, 'key'>) => void;
  onClose: () => void;
}

export function ItemChooser({ menu, item, soldOut, currency, editing, onDone, onClose }: Props) {
  const t = texts(CHOOSER_TEXTS);
  const rule = texts(RULE_TEXTS);
  const availableSizes = item.sizes.filter((s) => isSizeAvailable(s, soldOut));
  const [sizeId, setSizeId] = useState<string | null>(
    editing?.catalogId ?? (availableSizes.length === 1 ? availableSizes[0]!.catalogId : null),
  );
  const [picks, setPicks] = useState<ModifierPick[]>(editing?.picks ?? []);
  const [quantity, setQuantity] = useState(editing?.quantity ?? 1);
  const [note, setNote] = useState(editing?.note ?? '');
  const [tried, setTried] = useState(false);
  const body = useRef<HTMLDivElement>(null);

  const size = item.sizes.find((s) => s.catalogId === sizeId) ?? null;
  const unitCents = size ? size.priceCents : item.priceCents;
  const problems = groupProblems(menu, item.groupIds, picks);
  const sizeMissing = item.sizes.length > 0 && !size;
  const each = unitWithModifiers({ unitCents, picks });

  const add = (): void => {
    if (sizeMissing || problems.length) {
      setTried(true);
      // Bring the first group that still needs a choice into view.
      requestAnimationFrame(() =>
        body.current?.querySelector<HTMLElement>('[data-problem="true"] button')?.focus(),
      );
      return;
    }
    onDone({
      catalogId: size ? size.catalogId : item.id,
      itemId: item.id,
      name: size ? `${item.name} (${size.name})` : item.name,
      unitCents,
      quantity,
      picks,
      note,
    });
  };

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
          <fieldset
            className="choice-group"
            data-problem={tried && sizeMissing}
            aria-describedby="chooser-size-rule"
          >
            <legend>
              {t.size}{' '}
              <span id="chooser-size-rule" className="choice-group__rule">
                {rule.exactly(1)}
              </span>
              {tried && sizeMissing && (
                <span className="field-error choice-group__error">{rule.chooseOne}</span>
              )}
            </legend>
            <div className="choice-row">
              {item.sizes.map((s) => {
                const available = isSizeAvailable(s, soldOut);
                return (
                  <button
                    key={s.catalogId}
                    type="button"
                    className={`option${sizeId === s.catalogId ? ' is-picked' : ''}`}
                    aria-pressed={sizeId === s.catalogId}
                    disabled={!available}
                    onClick={() => setSizeId(s.catalogId)}
                  >
                    <span>{s.name}</span>
                    <span className="option__price">
                      {available ? money(s.priceCents, currency) : t.soldOut}
                    </span>
                  </button>
                );
              })}
            </div>
          </fieldset>
        )}
        <GroupChoices
          menu={menu}
          groupIds={item.groupIds}
          picks={picks}
          onChange={setPicks}
          soldOut={soldOut}
          currency={currency}
          problems={tried ? problems : []}
          prefix=""
        />
        <div className="chooser__extras">
          <QuantityStepper
            value={quantity}
            max={MAX_QUANTITY}
            onChange={setQuantity}
            label={t.quantity}
          />
          <label className="field chooser__note">
            <span>{t.note}</span>
            <input
              value={note}
              maxLength={500}
              placeholder={t.noteHint}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') add();
              }}
            />
          </label>
        </div>
      </div>
      {tried && (sizeMissing || problems.length > 0) && (
        <p className="field-error" role="alert">
          {t.stillToChoose}{' '}
          {[
            ...(sizeMissing ? [t.size] : []),
            ...problems.map((p) => `${p.groupName} (${p.message})`),
          ].join(', ')}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--accept button--wide" onClick={add}>
          {editing ? t.update : t.add} {quantity > 1 ? `${quantity} × ` : ''}
          {item.name} · {money(quantity * each, currency)}
        </button>
      </div>
    </Modal>
  );
}

interface GroupProps {
  menu: Menu;
  groupIds: readonly string[];
  picks: ModifierPick[];
  onChange: (picks: ModifierPick[]) => void;
  soldOut: ReadonlySet<string>;
  currency: string;
  problems: GroupProblem[];
  /** Path of the modifiers chosen above these groups, as in `GroupProblem.path`. */
  prefix: string;
}

/** The groups at one level, and under each chosen option the groups it opens. */
function GroupChoices({
  menu,
  groupIds,
  picks,
  onChange,
  soldOut,
  currency,
  problems,
  prefix,
}: GroupProps) {
  const t = texts(CHOOSER_TEXTS);
  return (
    <>
      {groupIds.map((groupId) => {
        const group = menu.groups.get(groupId);
        if (!group) return null;
        const chosen = picks.filter((p) => p.groupId === groupId);
        const full = !group.single && chosen.length >= group.max;
        const problem = problems.find((p) => p.path === `${prefix}${groupId}`);
        const ruleId = `rule-${prefix}${groupId}`.replace(/[^\w-]/g, '_');
        return (
          <fieldset
            key={groupId}
            className="choice-group"
            data-problem={problem !== undefined}
            aria-describedby={ruleId}
          >
            <legend>
              {group.name}{' '}
              <span id={ruleId} className="choice-group__rule">
                {groupRule(group)}
              </span>
              {problem && (
                <span className="field-error choice-group__error">{problem.message}</span>
              )}
            </legend>
            <div className="choice-row">
              {group.modifierIds.map((modifierId) => {
                const modifier = menu.modifiers.get(modifierId);
                if (!modifier) return null;
                const isPicked = chosen.some((p) => p.modifierId === modifierId);
                const available = isModifierAvailable(modifier, soldOut);
                return (
                  <button
                    key={modifierId}
                    type="button"
                    className={`option${isPicked ? ' is-picked' : ''}`}
                    aria-pressed={isPicked}
                    disabled={!isPicked && (!available || full)}
                    onClick={() => onChange(togglePick(picks, group, modifier))}
                  >
                    <span>{modifier.name}</span>
                    <span className="option__price">
                      {!available
                        ? t.soldOut
                        : modifier.priceCents
                          ? `+${money(modifier.priceCents, currency)}`
                          : ''}
                    </span>
                  </button>
                );
              })}
            </div>
            {chosen
              .filter((p) => (menu.modifiers.get(p.modifierId)?.groupIds.length ?? 0) > 0)
              .map((p) => (
                <div key={p.modifierId} className="choice-nested">
                  <p className="choice-nested__title">{p.name}:</p>
                  <GroupChoices
                    menu={menu}
                    groupIds={menu.modifiers.get(p.modifierId)!.groupIds}
                    picks={p.picks}
                    onChange={(nested) => onChange(setNestedPicks(picks, p, nested))}
                    soldOut={soldOut}
                    currency={currency}
                    problems={problems}
                    prefix={`${prefix}${p.groupId}/${p.modifierId}/`}
                  />
                </div>
              ))}
          </fieldset>
        );
      })}
    </>
  );
}
