// Call-in and walk-in orders taken at the counter.
import {
  CustomerLookupAnswer,
  CustomerLookupRequest,
  InStoreOrderRequest,
  InStoreTerms,
} from '../instore.js';
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
  /** Past customers of this store's own in-store orders whose phone ends with the digits typed:
   * the name and last address they gave, for the form to offer. Behind the Local API token like
   * every call; a POST so the number never sits in a URL (proxy logs, history). */
  lookUpCustomer: call({
    method: 'POST',
    path: '/api/in-store-orders/customer-lookup',
    body: CustomerLookupRequest,
    response: CustomerLookupAnswer,
  }),
} as const;
