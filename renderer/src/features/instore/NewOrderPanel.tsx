// A call-in or walk-in order taken at the counter: the menu on the left, the ticket on the right
// (lines, customer, how it leaves, when, notes, live totals), sent with `createInStoreOrder`.
// The connector prices it again, adds tax and answers the order it stored, which then shows the
// connector's own totals; a refusal names a field and the message appears beside that field.
// The form stays mounted while staff look at other screens, so a half-taken phone order waits.
import { useEffect, useRef, useState } from 'react';
import { taxCents } from '../../../../shared/instore.js';
import type { OrderDetail } from '../../../../shared/order.js';
import { LocalApiError } from '../../api/client.js';
import { useServices } from '../../app/hooks.js';
import { texts } from '../../i18n/texts.js';
import { explain } from '../../ui/explain.js';
import { orderNumber } from '../../ui/labels.js';
import { money } from '../../ui/format.js';
import { subtotalCents, type DraftLine } from './draft.js';
import { formFieldOf, messageFor, type FieldErrors } from './field-errors.js';
import { FreeTextDialog } from './FreeTextDialog.js';
import { newClientKey } from './client-key.js';
import { EMPTY_FORM, missingFields, orderRequest, type OrderForm } from './form.js';
import { ItemChooser } from './ItemChooser.js';
import { needsChoices, type MenuItem } from './menu.js';
import { MenuPicker } from './MenuPicker.js';
import { OrderFields } from './OrderFields.js';
import { TICKET_TEXTS } from './texts.js';
import { LiveTotals, TicketLines } from './TicketLines.js';
import { useMenu } from './use-menu.js';

type Chooser =
  { kind: 'item'; item: MenuItem; editing?: DraftLine } | { kind: 'free'; editing?: DraftLine };

interface Props {
  now: number;
  onOpenOrder: (id: string) => void;
}

let lineKey = 0;
/** The order being taken, kept outside the tree: a language switch re-creates the tree
 * (app/InLanguage.tsx), and a half-taken phone order must survive it. */
let kept: { lines: DraftLine[]; form: OrderForm; clientKey: string } = {
  lines: [],
  form: EMPTY_FORM,
  clientKey: newClientKey(),
};

/** Why the order was not confirmed, in words for the cashier: no answer at all (it may have been
 * taken; the same client key makes sending again safe), taken already before a change to the
 * draft (it is on the board), or refused (the core's reason). */
function notTakenText(err: unknown, t: (typeof TICKET_TEXTS)['en']): string {
  if (err instanceof LocalApiError && err.status === 0) return t.notConfirmed(explain(err));
  if (err instanceof LocalApiError && err.code === 'idempotency_conflict')
    return t.takenBeforeChange;
  return t.notTaken(explain(err));
}

export function NewOrderPanel({ now, onOpenOrder }: Props) {
  const t = texts(TICKET_TEXTS);
  const { api, orders, clock } = useServices();
  const { menu, soldOut, problem, terms } = useMenu();
  const [lines, setLines] = useState<DraftLine[]>(() => kept.lines);
  const [form, setForm] = useState<OrderForm>(() => kept.form);
  /** This draft's key, sent with every try (client-key.ts); a new one for the next order. */
  const [clientKey, setClientKey] = useState(() => kept.clientKey);
  useEffect(() => {
    kept = { lines, form, clientKey };
  }, [lines, form, clientKey]);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Why the order was not taken (the core's words); shown after ours. */
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [taken, setTaken] = useState<OrderDetail | null>(null);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  /** Orders sent from this form: the menu side starts afresh after each. */
  const [sent, setSent] = useState(0);
  const ticket = useRef<HTMLFormElement>(null);
  const focusError = useRef(false);
  const panel = useRef<HTMLElement>(null);
  // The connector's currency for in-store orders; the catalog's until it has answered.
  const currency = terms?.currency.toUpperCase() ?? menu?.currency ?? 'USD';

  // Move focus to the first field with a problem, once, after the messages are on screen.
  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    const first = panel.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-field] .field-error:not(:empty)',
    );
    const target =
      first?.matches('input, textarea, button') === true
        ? first
        : first
            ?.closest<HTMLElement>('[data-field]')
            ?.querySelector<HTMLElement>('input, textarea, button');
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [errors]);

  // The connector's answer is at the top of the ticket: bring it into view.
  useEffect(() => {
    if (taken) ticket.current?.scrollTo({ top: 0 });
  }, [taken]);

  const subtotal = subtotalCents(lines);
  // The connector's own rule and rate: what the form shows is what the order will say.
  const tax = terms ? taxCents(subtotal, terms.taxRatePercent) : null;

  const clearError = (field: string): void =>
    setErrors((e) => {
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });

  const changeForm = (patch: Partial<OrderForm>): void => {
    setForm((f) => ({ ...f, ...patch }));
    // A field changed: its message (and its group's) no longer applies.
    const touched: Record<keyof OrderForm, string[]> = {
      source: ['source'],
      fulfillmentType: ['fulfillmentType', 'customer', 'customer.phone', 'deliveryAddress'],
      customerName: ['customer.name', 'customer'],
      customerPhone: ['customer.phone', 'customer'],
      street: ['deliveryAddress.street', 'deliveryAddress'],
      city: ['deliveryAddress.city', 'deliveryAddress'],
      state: ['deliveryAddress.state'],
      postalCode: ['deliveryAddress.postalCode', 'deliveryAddress'],
      when: ['requestedFor'],
      day: ['requestedFor'],
      time: ['requestedFor'],
      notes: ['notes'],
      utensils: [],
    };
    for (const key of Object.keys(patch) as (keyof OrderForm)[])
      for (const field of touched[key]) clearError(field);
  };

  const putLine = (line: Omit<DraftLine, 'key'>, replacing?: DraftLine): void => {
    setTaken(null);
    clearError('items');
    if (replacing) {
      const index = lines.findIndex((l) => l.key === replacing.key);
      clearError(`items.${index}`);
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

  /** Empty the ticket; the source (phone / walk-in) stays, as the next order is often alike. */
  const startOver = (): void => {
    setLines([]);
    setForm((f) => ({ ...EMPTY_FORM, source: f.source }));
    setClientKey(newClientKey());
    setErrors({});
    setFormError(null);
  };
  const blank =
    lines.length === 0 &&
    JSON.stringify(form) === JSON.stringify({ ...EMPTY_FORM, source: form.source });

  const send = async (): Promise<void> => {
    const missing = missingFields(form, lines);
    setFormError(null);
    if (Object.keys(missing).length) {
      focusError.current = true;
      setErrors(missing);
      return;
    }
    setSending(true);
    try {
      const order = await api.createInStoreOrder(orderRequest(form, lines, clock.now(), clientKey));
      orders.upsert(order);
      setTaken(order);
      startOver();
      setSent((n) => n + 1);
    } catch (err) {
      const field = err instanceof LocalApiError ? formFieldOf(err.field) : null;
      if (field && err instanceof LocalApiError) {
        focusError.current = true;
        setErrors({ [field]: messageFor(err.message) });
      } else setFormError(notTakenText(err, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="new-order" aria-labelledby="new-order-title" ref={panel}>
      <MenuPicker
        menu={menu}
        soldOut={soldOut}
        problem={problem}
        currency={currency}
        onPick={pick}
        onFreeText={() => setChooser({ kind: 'free' })}
        clearSignal={sent}
      />
      <form
        ref={ticket}
        className="ticket"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
        onKeyDown={(e) => {
          // Ctrl+Enter sends from anywhere; a plain Enter in a field moves to the next one
          // instead of sending half an order (a name typed, the phone still to come).
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          if (e.ctrlKey || e.metaKey) {
            e.preventDefault();
            void send();
            return;
          }
          const field = e.target as HTMLElement;
          if (field.tagName !== 'INPUT') return;
          e.preventDefault();
          const fields = [
            ...e.currentTarget.querySelectorAll<HTMLElement>('input, textarea, select'),
          ];
          fields[fields.indexOf(field) + 1]?.focus();
        }}
      >
        <div className="ticket__head">
          <h2 id="new-order-title" className="lane__title">
            {t.title} <span className="lane__count">{lines.length}</span>
          </h2>
          {!blank && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={startOver}
            >
              {t.startOver}
            </button>
          )}
        </div>
        {taken && (
          <TakenCard
            order={taken}
            onOpen={() => onOpenOrder(taken.id)}
            onDismiss={() => setTaken(null)}
          />
        )}
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <TicketLines
          lines={lines}
          currency={currency}
          errors={errors}
          onQuantity={(key, quantity) =>
            setLines((ls) => ls.map((l) => (l.key === key ? { ...l, quantity } : l)))
          }
          onEdit={edit}
          onRemove={(key) => {
            setLines((ls) => ls.filter((l) => l.key !== key));
            // Line numbers shift: a message about line N no longer points at the right one.
            setErrors((e) =>
              Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith('items.'))),
            );
          }}
        />
        <OrderFields form={form} errors={errors} onChange={changeForm} now={now} />
        <div className="ticket__footer">
          <LiveTotals subtotalCents={subtotal} taxCents={tax} currency={currency} />
          <button
            type="submit"
            className="button button--accept ticket__send"
            disabled={sending}
            data-testid="send-order"
          >
            {sending ? (
              t.sending
            ) : (
              <>
                {t.send} <kbd aria-hidden="true">Ctrl ↵</kbd>
              </>
            )}
          </button>
        </div>
      </form>
      {chooser?.kind === 'item' && menu && (
        <ItemChooser
          menu={menu}
          item={chooser.item}
          soldOut={soldOut}
          currency={currency}
          editing={chooser.editing}
          onDone={(line) => putLine(line, chooser.editing)}
          onClose={() => setChooser(null)}
        />
      )}
      {chooser?.kind === 'free' && (
        <FreeTextDialog
          currency={currency}
          editing={chooser.editing}
          onDone={(line) => putLine(line, chooser.editing)}
          onClose={() => setChooser(null)}
        />
      )}
    </section>
  );
}

function displayNumber(order: OrderDetail): string {
  return orderNumber(order);
}

/** The order as the connector took it: its number and the connector's own totals. */
function TakenCard({
  order,
  onOpen,
  onDismiss,
}: {
  order: OrderDetail;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  const t = texts(TICKET_TEXTS);
  return (
    <div className="taken" role="status" data-testid="order-taken" data-order-id={order.id}>
      <p className="taken__title">
        {t.takenBefore} <strong className="order-number">{displayNumber(order)}</strong>{' '}
        {t.takenAfter}
      </p>
      <dl className="totals">
        <dt>{t.subtotal}</dt>
        <dd>{money(order.subtotalCents, order.currency)}</dd>
        <dt>{t.tax}</dt>
        <dd data-testid="taken-tax">{money(order.taxCents, order.currency)}</dd>
        <dt className="totals__total">{t.total}</dt>
        <dd className="totals__total" data-testid="taken-total">
          {money(order.totalCents, order.currency)}
        </dd>
      </dl>
      <div className="taken__buttons">
        <button type="button" className="button button--step button--small" onClick={onOpen}>
          {t.open}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
          {t.ok}
        </button>
      </div>
    </div>
  );
}
