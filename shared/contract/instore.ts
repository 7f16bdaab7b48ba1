// Call-in and walk-in orders taken at the counter.
import { InStoreOrderRequest, InStoreTerms } from '../instore.js';
import { OrderDetail } from '../order.js';
import { call } from './call.js';

export const inStoreCalls = {
  createInStoreOrder: call({
    method: 'POST',
    path: '/api/in-store-orders',
    body: InStoreOrderRequest,
    response: OrderDetail,
  }),
  /** How the connector prices an in-store order: tax rate and currency, for the form's totals. */
  getInStoreTerms: call({
    method: 'GET',
    path: '/api/in-store-orders/terms',
    response: InStoreTerms,
  }),
} as const;
