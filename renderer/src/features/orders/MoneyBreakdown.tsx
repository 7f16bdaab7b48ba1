// An order's money in plain words (shared/money.ts works it out, the same way as the ticket and
// the POS order): what the store collects (subtotal less discounts, plus the tax it remits), then
// what went to the platform and the driver, and what the customer paid the platform in all.
// An in-store order's delivery fee is the store's own charge: it sits above what the store
// collects, and nothing went to a platform.
import { orderMoney, type MoneyInput } from '../../../../shared/money.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { MONEY } from './texts.js';

export function MoneyBreakdown({ order }: { order: MoneyInput & { currency: string } }) {
  const language = useLanguage();
  const t = useTexts(MONEY);
  const m = orderMoney(order);
  const $ = (cents: number): string => money(cents, order.currency, language);
  const row = (label: string, value: string, testId: string, className?: string) => (
    <div className={`totals__row ${className ?? ''}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const platformFee = m.feeToStore ? 0 : m.deliveryFeeCents;
  const platform = platformFee > 0 || m.driverTipCents > 0;
  return (
    <div data-testid="money">
      <dl className="totals">
        {row(t.subtotal, $(m.subtotalCents), 'money-subtotal')}
        {m.discounts.map((d, i) => (
          <div key={i} className="totals__row" data-testid="money-discount">
            <dt>{d.name ? t.discountNamed(d.name) : t.discount}</dt>
            <dd>−{$(d.cents)}</dd>
          </div>
        ))}
        {row(t.tax, $(m.taxCents), 'money-tax')}
        {m.taxWithheldCents > 0 &&
          row(t.taxWithheld, `−${$(m.taxWithheldCents)}`, 'money-tax-withheld')}
        {m.feeToStore &&
          m.deliveryFeeCents > 0 &&
          row(t.deliveryFee, $(m.deliveryFeeCents), 'money-fee')}
        {row(t.storeCollects, $(m.storeCollectsCents), 'money-store', 'totals__total')}
      </dl>
      {platform && <p className="totals__note">{t.platformPart}</p>}
      {!m.feeToStore && (
        <dl className="totals">
          {platformFee > 0 && row(t.deliveryFee, $(platformFee), 'money-fee')}
          {m.driverTipCents > 0 && row(t.driverTip, $(m.driverTipCents), 'money-tip')}
          {row(t.customerPaid, $(m.customerPaidCents), 'money-customer', 'totals__paid')}
        </dl>
      )}
    </div>
  );
}
