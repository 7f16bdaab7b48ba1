// A call-in or walk-in order taken at the counter: the menu on the left, the ticket on the right
// (lines, how it leaves, payment, customer, address and fee, when, notes, live totals), sent with
// `createInStoreOrder`. The connector prices it again and answers the order it stored, which
// then shows the connector's own totals; a refusal names a field and the message appears beside
// that field. The state lives in use-new-order.ts; the form stays mounted while staff look at
// other screens or alerts come in, so a half-taken phone order waits.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTexts } from '../../i18n/context.js';
import { FreeTextDialog } from './FreeTextDialog.js';
import { ItemChooser } from './ItemChooser.js';
import { MenuPicker } from './MenuPicker.js';
import { OrderFields } from './OrderFields.js';
import { TakenCard } from './TakenCard.js';
import { TICKET_TEXTS } from './texts.js';
import { LiveTotals, TicketLines } from './TicketLines.js';
import { useMenu } from './use-menu.js';
import { useNewOrder } from './use-new-order.js';

interface Props {
  now: number;
  onOpenOrder: (id: string) => void;
}

/** Ctrl+Enter sends from anywhere; a plain Enter in a field moves to the next one instead of
 * sending half an order (a name typed, the phone still to come). */
function onTicketKey(e: KeyboardEvent<HTMLFormElement>, send: () => void): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  if (e.ctrlKey || e.metaKey) {
    e.preventDefault();
    send();
    return;
  }
  const field = e.target as HTMLElement;
  if (field.tagName !== 'INPUT') return;
  e.preventDefault();
  const fields = [...e.currentTarget.querySelectorAll<HTMLElement>('input, textarea, select')];
  fields[fields.indexOf(field) + 1]?.focus();
}

/** The first field with a problem, to take the focus. */
function firstProblem(panel: HTMLElement | null): HTMLElement | null {
  const first = panel?.querySelector<HTMLElement>(
    '[aria-invalid="true"], [data-field] .field-error:not(:empty)',
  );
  if (first?.matches('input, textarea, button')) return first;
  return (
    first
      ?.closest<HTMLElement>('[data-field]')
      ?.querySelector<HTMLElement>('input, textarea, button') ?? null
  );
}

export function NewOrderPanel({ now, onOpenOrder }: Props) {
  const t = useTexts(TICKET_TEXTS);
  const { menu, soldOut, problem, terms } = useMenu();
  const o = useNewOrder({ menu, terms });
  const ticket = useRef<HTMLFormElement>(null);
  const panel = useRef<HTMLElement>(null);

  // Move focus to the first field with a problem, once, after the messages are on screen.
  useEffect(() => {
    if (o.focusSignal === 0) return;
    const target = firstProblem(panel.current);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [o.focusSignal]);

  // The connector's answer is at the top of the ticket: bring it into view.
  useEffect(() => {
    if (o.taken) ticket.current?.scrollTo({ top: 0 });
  }, [o.taken]);

  const send = (): void => void o.send();
  return (
    <section className="new-order" aria-labelledby="new-order-title" ref={panel}>
      <MenuPicker
        menu={menu}
        soldOut={soldOut}
        problem={problem}
        currency={o.currency}
        onPick={o.pick}
        onFreeText={() => o.openChooser({ kind: 'free' })}
        clearSignal={o.sent}
      />
      <form
        ref={ticket}
        className="ticket"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
        onKeyDown={(e) => onTicketKey(e, send)}
      >
        <div className="ticket__head">
          <h2 id="new-order-title" className="lane__title">
            {t.title} <span className="lane__count">{o.lines.length}</span>
          </h2>
          {!o.blank && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={o.startOver}
            >
              {t.startOver}
            </button>
          )}
        </div>
        {o.taken && (
          <TakenCard
            order={o.taken}
            onOpen={() => onOpenOrder(o.taken!.id)}
            onDismiss={o.dismissTaken}
          />
        )}
        {o.formError && (
          <p className="form-error" role="alert">
            {o.formError}
          </p>
        )}
        <TicketLines
          lines={o.lines}
          currency={o.currency}
          errors={o.errors}
          onQuantity={o.setQuantity}
          onEdit={o.edit}
          onRemove={o.removeLine}
        />
        <OrderFields
          form={o.form}
          errors={o.errors}
          onChange={o.changeForm}
          now={now}
          terms={terms}
          currency={o.currency}
        />
        <div className="ticket__footer">
          <LiveTotals
            subtotalCents={o.money.subtotal}
            taxCents={o.money.tax}
            deliveryFeeCents={o.money.fee}
            currency={o.currency}
          />
          <button
            type="submit"
            className="button button--accept ticket__send"
            disabled={o.sending}
            data-testid="send-order"
          >
            {o.sending ? (
              t.sending
            ) : (
              <>
                {t.send} <kbd aria-hidden="true">Ctrl ↵</kbd>
              </>
            )}
          </button>
        </div>
      </form>
      {o.chooser?.kind === 'item' && menu && (
        <ItemChooser
          menu={menu}
          item={o.chooser.item}
          soldOut={soldOut}
          currency={o.currency}
          editing={o.chooser.editing}
          onDone={(line) => o.putLine(line, o.chooser?.editing)}
          onClose={() => o.openChooser(null)}
        />
      )}
      {o.chooser?.kind === 'free' && (
        <FreeTextDialog
          currency={o.currency}
          editing={o.chooser.editing}
          onDone={(line) => o.putLine(line, o.chooser?.editing)}
          onClose={() => o.openChooser(null)}
        />
      )}
    </section>
  );
}
