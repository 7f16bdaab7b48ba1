// Words staff read on the board: one place for every label, so the board, the detail view and
// the alerts say the same thing for the same state, in the terminal's language.
import type { FulfillmentType, OrderStatus, RejectCode } from '../../../shared/domain.js';
import type { Language } from '../i18n/language.js';
import { texts, translations } from '../i18n/texts.js';

const LABELS = translations(
  {
    fulfillment: {
      delivery: 'Delivery',
      merchant_managed_delivery: 'Our driver',
      pickup: 'Pickup',
      curbside: 'Curbside',
      drive_thru: 'Drive-thru',
      dine_in: 'Dine-in',
    } satisfies Record<FulfillmentType, string>,
    status: {
      pending: 'New',
      accepted: 'Accepted',
      rejected: 'Rejected',
      expired: 'Expired',
      preparing: 'Preparing',
      ready: 'Ready',
      out_for_delivery: 'Out for delivery',
      completed: 'Completed',
      canceled: 'Canceled',
    } satisfies Record<OrderStatus, string>,
    reject: {
      store_busy: { title: 'Too busy', hint: 'Kitchen cannot take more right now' },
      items_unavailable: { title: 'Item sold out', hint: 'Something in the order is out of stock' },
      store_closed: { title: 'Store closed', hint: 'Closing or closed for the day' },
      pos_offline: { title: 'POS down', hint: 'The till or printer is not working' },
      invalid_order: {
        title: 'Order looks wrong',
        hint: 'Prices, items or address do not make sense',
      },
      other: { title: 'Other reason', hint: 'Type a short reason below' },
    } satisfies Record<RejectCode, { title: string; hint: string }>,
    inStoreSource: {
      phone: 'Phone',
      walk_in: 'Walk-in',
      in_store: 'In-store',
      website: 'Website',
    },
    items: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
  },
  {
    fulfillment: {
      delivery: 'Envío',
      merchant_managed_delivery: 'Nuestro repartidor',
      pickup: 'Para recoger',
      curbside: 'En la acera',
      drive_thru: 'Autoservicio',
      dine_in: 'Para comer aquí',
    },
    status: {
      pending: 'Nuevo',
      accepted: 'Aceptado',
      rejected: 'Rechazado',
      expired: 'Vencido',
      preparing: 'Preparando',
      ready: 'Listo',
      out_for_delivery: 'En camino',
      completed: 'Entregado',
      canceled: 'Cancelado',
    },
    reject: {
      store_busy: { title: 'Demasiado ocupados', hint: 'La cocina no puede con más ahora' },
      items_unavailable: { title: 'Producto agotado', hint: 'Algo del pedido no está disponible' },
      store_closed: { title: 'Tienda cerrada', hint: 'Cerrando o cerrado por hoy' },
      pos_offline: { title: 'POS caído', hint: 'La caja o la impresora no funcionan' },
      invalid_order: {
        title: 'Pedido incorrecto',
        hint: 'Precios, productos o dirección sin sentido',
      },
      other: { title: 'Otro motivo', hint: 'Escriba un motivo breve abajo' },
    },
    inStoreSource: {
      phone: 'Teléfono',
      walk_in: 'En mostrador',
      in_store: 'En tienda',
      website: 'Web',
    },
    items: (n: number) => `${n} ${n === 1 ? 'producto' : 'productos'}`,
  },
);

export const fulfillmentLabel = (type: FulfillmentType, language: Language): string =>
  texts(LABELS, language).fulfillment[type];
export const statusLabel = (status: OrderStatus, language: Language): string =>
  texts(LABELS, language).status[status];
export const rejectLabel = (
  code: RejectCode,
  language: Language,
): { title: string; hint: string } => texts(LABELS, language).reject[code];

const SOURCE_NAMES: Record<string, string> = {
  uber: 'Uber Eats',
  ubereats: 'Uber Eats',
  doordash: 'DoorDash',
  grubhub: 'Grubhub',
  deliveroo: 'Deliveroo',
  postmates: 'Postmates',
  just_eat: 'Just Eat',
};

/** What staff call an order: the delivery service's number, else the end of our id in capitals
 * (in-store orders have no other number), e.g. "MVXPZR". */
export function orderNumber(order: { dspOrderNumber: string | null; id: string }): string {
  return order.dspOrderNumber ?? order.id.slice(-6).toUpperCase();
}

export function itemCount(n: number, language: Language): string {
  return texts(LABELS, language).items(n);
}

/** In-store sources the new-order form sets (and other first-party ones), by what staff say;
 * undefined for a source that is not one of ours. */
export function inStoreSourceName(source: string, language: Language): string | undefined {
  const names: Readonly<Record<string, string>> = texts(LABELS, language).inStoreSource;
  return Object.hasOwn(names, source) ? names[source] : undefined;
}

export function sourceName(
  source: string | null,
  origin: 'stream' | 'in_store',
  language: Language,
): string {
  if (origin === 'in_store')
    return (
      inStoreSourceName(source ?? 'in_store', language) ?? inStoreSourceName('in_store', language)!
    );
  if (!source) return 'Stream';
  return (
    SOURCE_NAMES[source.toLowerCase()] ??
    source.replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
  );
}
