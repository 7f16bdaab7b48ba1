// Rejecting an order: one big button per reason (mapped to Stream's codes by the core), an
// optional note, and for "item sold out" the items and options of this order to tick, with the
// offer to 86 them for the rest of the day in the same go (a manager action: the keypad asks for
// the PIN after the reject has gone, so the answer to Stream never waits for it).
import { useEffect, useState } from 'react';
import { REJECT_CODES, type RejectCode } from '../../../../shared/domain.js';
import type { OrderDetail, OrderSummary } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { Modal } from '../../ui/Modal.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { useManagerAction } from '../../ui/ManagerPin.js';
import { explain } from '../../ui/explain.js';
import { Countdown } from './Countdown.js';
import { orderNumber, rejectLabel, sourceName } from '../../ui/labels.js';
import { unavailableChoices, type Choice } from './modifier-tree.js';
import { REJECT } from './texts.js';

interface Props {
  order: OrderSummary;
  now: number;
  onCancel: () => void;
  onReject: (
    code: RejectCode,
    reason: string,
    unavailable: { type: 'item' | 'modifier'; providerId: string }[],
  ) => void;
}

export function RejectDialog({ order, now, onCancel, onReject }: Props) {
  const language = useLanguage();
  const { api, notify } = useServices();
  const withPin = useManagerAction();
  const [code, setCode] = useState<RejectCode | null>(null);
  const [also86, setAlso86] = useState(true);
  const [note, setNote] = useState('');
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let live = true;
    api.getOrder({ id: order.id }).then(
      (d) => live && setDetail(d),
      () => undefined, // the picker is optional; the reject itself still works
    );
    return () => {
      live = false;
    };
  }, [api, order.id]);

  const choices: Choice[] = detail ? unavailableChoices(detail.lineItems) : [];
  const key = (c: Choice): string => `${c.type}:${c.providerId}`;
  const number = orderNumber(order);
  const t = useTexts(REJECT);
  const submit = (): void => {
    if (!code) return;
    const unavailable =
      code === 'items_unavailable'
        ? choices
            .filter((c) => picked.has(key(c)))
            .map(({ type, providerId }) => ({ type, providerId }))
        : [];
    onReject(code, note.trim(), unavailable);
    if (also86 && unavailable.length) void soldOutForToday(unavailable.map((u) => u.providerId));
  };
  const soldOutForToday = async (providerIds: string[]): Promise<void> => {
    const what = t.soldOutDone(providerIds.length);
    try {
      const done = await withPin(what, (pin) =>
        api.setAvailability(
          { providerIds, available: false, restOfDay: true },
          { managerPin: pin },
        ),
      );
      if (done) notify('info', what);
    } catch (err) {
      notify('error', t.soldOutFailed(explain(err, language)));
    }
  };

  return (
    <Modal title="" labelledBy="reject-title" onClose={onCancel} className="modal--reject">
      <div className="modal__head">
        <h2 id="reject-title" className="modal__title">
          {t.title(`${sourceName(order.source, order.origin, language)} ${number}`)}
        </h2>
        {order.staffDeadlineAt !== null && (
          <Countdown
            deadlineAt={order.staffDeadlineAt}
            receivedAt={order.receivedAt}
            now={now}
            size={72}
          />
        )}
      </div>
      <fieldset className="reasons">
        <legend>{t.why}</legend>
        {REJECT_CODES.map((c, i) => (
          <button
            key={c}
            type="button"
            className={`reason${code === c ? ' is-picked' : ''}`}
            aria-pressed={code === c}
            onClick={() => setCode(c)}
          >
            <span className="reason__title">
              <kbd aria-hidden="true">{i + 1}</kbd> {rejectLabel(c, language).title}
            </span>
            <span className="reason__hint">{rejectLabel(c, language).hint}</span>
          </button>
        ))}
      </fieldset>
      {code === 'items_unavailable' && choices.length > 0 && (
        <fieldset className="unavailable">
          <legend>{t.soldOut}</legend>
          {choices.map((c) => (
            <label
              key={key(c)}
              className="unavailable__choice"
              style={{ paddingInlineStart: `${0.75 + c.depth * 1.25}rem` }}
            >
              <input
                type="checkbox"
                checked={picked.has(key(c))}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(key(c));
                  else next.delete(key(c));
                  setPicked(next);
                }}
              />
              {c.name}
            </label>
          ))}
          {picked.size > 0 && (
            <label className="unavailable__choice unavailable__86">
              <input
                type="checkbox"
                checked={also86}
                onChange={(e) => setAlso86(e.target.checked)}
              />
              {t.also86(picked.size)}
            </label>
          )}
        </fieldset>
      )}
      <label className="field">
        <span>{t.note(code === 'other')}</span>
        <textarea
          value={note}
          maxLength={500}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <div className="modal__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t.back}
        </button>
        <button
          type="button"
          className="button button--reject button--wide"
          disabled={!code}
          onClick={submit}
        >
          {t.confirm}
        </button>
      </div>
      <ReasonKeys onPick={setCode} />
    </Modal>
  );
}

/** 1–6 pick a reason while the dialog is open. */
function ReasonKeys({ onPick }: { onPick: (code: RejectCode) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.target as HTMLElement).closest('textarea, input')) return;
      const code = REJECT_CODES[Number(e.key) - 1];
      if (code) {
        e.preventDefault();
        onPick(code);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPick]);
  return null;
}
