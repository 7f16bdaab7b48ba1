// The state of the order being taken at the counter: its lines, its fields, its one client key,
// the problems by field, sending it and the connector's answer. The draft is kept outside the
// tree, so a half-taken phone order survives anything that re-creates the tree (a language
// switch, app/InLanguage.tsx) as it survives alerts and other screens.
import { useEffect, useState } from 'react';
import { taxCents } from '../../../../shared/instore.js';
import type { OrderDetail } from '../../../../shared/order.js';
import { LocalApiError } from '../../api/client.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { newClientKey } from './client-key.js';
import { subtotalCents, type DraftLine } from './draft.js';
import { formFieldOf, messageFor, TOUCHES, type FieldErrors } from './field-errors.js';
import {
  deliveryFeeCents,
  EMPTY_FORM,
  missingFields,
  orderRequest,
  type OrderForm,
} from './form.js';
import { needsChoices, type MenuItem } from './menu.js';
import { TICKET_TEXTS } from './texts.js';
import type { MenuState } from './use-menu.js';
import type { Language } from '../../i18n/language.js';

export type Chooser =
  { kind: 'item'; item: MenuItem; editing?: DraftLine } | { kind: 'free'; editing?: DraftLine };

let lineKey = 0;
let kept: { lines: DraftLine[]; form: OrderForm; clientKey: string } = {
  lines: [],
  form: EMPTY_FORM,
  clientKey: newClientKey(),
};

/** Why the order was not confirmed, in words for the cashier: no answer at all (it may have been
 * taken; the same client key makes sending again safe), taken already before a change to the
 * draft (it is on the board), or refused (the core's reason). */
function notTakenText(err: unknown, t: (typeof TICKET_TEXTS)['en'], language: Language): string {
  if (err instanceof LocalApiError && err.status === 0)
    return t.notConfirmed(explain(err, language));
  if (err instanceof LocalApiError && err.code === 'idempotency_conflict')
    return t.takenBeforeChange;
  return t.notTaken(explain(err, language));
}

export function useNewOrder({ menu, terms }: Pick<MenuState, 'menu' | 'terms'>) {
  const language = useLanguage();
  const t = useTexts(TICKET_TEXTS);
  const { api, orders, clock } = useServices();
  const [lines, setLines] = useState<DraftLine[]>(() => kept.lines);
  const [form, setForm] = useState<OrderForm>(() => kept.form);
  /** This draft's key, sent with every try (client-key.ts); a new one for the next order. */
  const [clientKey, setClientKey] = useState(() => kept.clientKey);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Why the order was not taken (the core's words); shown after ours. */
  /** Why the last send was not taken, as thrown; worded at render in the language on screen. */
  const [notTaken, setNotTaken] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [taken, setTaken] = useState<OrderDetail | null>(null);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  /** Orders sent from this form: the menu side starts afresh after each. */
  const [sent, setSent] = useState(0);
  /** Set when new problems should take the focus (the panel moves it once they are shown). */
  const [focusSignal, setFocusSignal] = useState(0);
  // The connector's currency for in-store orders; the catalog's until it has answered.
  const currency = terms?.currency.toUpperCase() ?? menu?.currency ?? 'USD';

  useEffect(() => {
    kept = { lines, form, clientKey };
  }, [lines, form, clientKey]);

  const subtotal = subtotalCents(lines);
  // The connector's own rule and rate: what the form shows is what the order will say.
  const tax = terms ? taxCents(subtotal, terms.taxRatePercent) : null;
  const fee = deliveryFeeCents(form, terms);

  const clearErrors = (fields: readonly string[]): void =>
    setErrors((e) => {
      if (!fields.some((f) => f in e)) return e;
      const next = { ...e };
      for (const f of fields) delete next[f];
      return next;
    });

  const changeForm = (patch: Partial<OrderForm>): void => {
    setForm((f) => ({ ...f, ...patch }));
    clearErrors((Object.keys(patch) as (keyof OrderForm)[]).flatMap((key) => TOUCHES[key]));
  };

  const putLine = (line: Omit<DraftLine, 'key'>, replacing?: DraftLine): void => {
    setTaken(null);
    clearErrors(['items']);
    if (replacing) {
      clearErrors([`items.${lines.findIndex((l) => l.key === replacing.key)}`]);
      setLines((ls) => ls.map((l) => (l.key === replacing.key ? { ...line, key: l.key } : l)));
    } else setLines((ls) => [...ls, { ...line, key: `line-${++lineKey}` }]);
    setChooser(null);
  };

  const pick = (item: MenuItem): void => {
    if (needsChoices(item)) setChooser({ kind: 'item', item });
    else
      putLine({
        catalogId: item.id,
        itemId: item.id,
        name: item.name,
        unitCents: item.priceCents,
        quantity: 1,
        picks: [],
        note: '',
      });
  };

  const edit = (line: DraftLine): void => {
    const item = line.itemId ? menu?.items.find((i) => i.id === line.itemId) : undefined;
    setChooser(item ? { kind: 'item', item, editing: line } : { kind: 'free', editing: line });
  };

  const setQuantity = (key: string, quantity: number): void =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, quantity } : l)));

  const removeLine = (key: string): void => {
    setLines((ls) => ls.filter((l) => l.key !== key));
    // Line numbers shift: a message about line N no longer points at the right one.
    setErrors((e) =>
      Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith('items.'))),
    );
  };

  /** Empty the ticket; the source (phone / walk-in) stays, as the next order is often alike. */
  const startOver = (): void => {
    setLines([]);
    setForm((f) => ({ ...EMPTY_FORM, source: f.source }));
    setClientKey(newClientKey());
    setErrors({});
    setNotTaken(null);
  };
  const blank =
    lines.length === 0 &&
    JSON.stringify(form) === JSON.stringify({ ...EMPTY_FORM, source: form.source });

  const showErrors = (found: FieldErrors): void => {
    setErrors(found);
    setFocusSignal((n) => n + 1);
  };

  const send = async (): Promise<void> => {
    const missing = missingFields(form, lines, terms, currency, language);
    setNotTaken(null);
    if (Object.keys(missing).length) return showErrors(missing);
    setSending(true);
    try {
      const order = await api.createInStoreOrder(
        orderRequest(form, lines, clock.now(), clientKey, terms),
      );
      orders.upsert(order);
      setTaken(order);
      startOver();
      setSent((n) => n + 1);
    } catch (err) {
      const field = err instanceof LocalApiError ? formFieldOf(err.field) : null;
      if (field && err instanceof LocalApiError) showErrors({ [field]: messageFor(err.message) });
      else setNotTaken(err);
    } finally {
      setSending(false);
    }
  };

  return {
    lines,
    form,
    errors,
    formError: notTaken === null ? null : notTakenText(notTaken, t, language),
    sending,
    taken,
    chooser,
    sent,
    focusSignal,
    currency,
    money: { subtotal, tax, fee },
    blank,
    changeForm,
    putLine,
    pick,
    edit,
    setQuantity,
    removeLine,
    startOver,
    send,
    openChooser: setChooser,
    dismissTaken: () => setTaken(null),
  };
}
