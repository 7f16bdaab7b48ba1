// The POS leg (electron/core/pos): accepted orders into the POS and onto the kitchen printer.
import { EnteredByHandBody, PosLegs, PosStatus, PosTargetBody, PrinterStatus } from '../pos.js';
import { call } from './call.js';
import { OrderIdParams } from './orders.js';

export const posCalls = {
  /** Driver, printer, and every order that needs staff: "not in POS", or a void that failed. */
  getPosStatus: call({ method: 'GET', path: '/api/pos', response: PosStatus }),
  getOrderPos: call({
    method: 'GET',
    path: '/api/orders/:id/pos',
    params: OrderIdParams,
    response: PosLegs,
  }),
  /** Try again now, same order and Idempotency-Key, fresh retry budget. */
  retryOrderPos: call({
    method: 'POST',
    path: '/api/orders/:id/pos/retry',
    params: OrderIdParams,
    body: PosTargetBody,
    response: PosLegs,
  }),
  /** Staff typed the order into the POS themselves: stop trying (optionally with its reference). */
  markOrderEnteredByHand: call({
    method: 'POST',
    path: '/api/orders/:id/pos/entered-by-hand',
    params: OrderIdParams,
    body: EnteredByHandBody,
    response: PosLegs,
  }),
  /** Print the kitchen ticket again, marked REPRINT. */
  reprintOrder: call({
    method: 'POST',
    path: '/api/orders/:id/reprint',
    params: OrderIdParams,
    response: PosLegs,
  }),
  /** Ask the kitchen printer now (ESC/POS real-time status): offline, paper out, cover open. */
  getPrinterStatus: call({ method: 'GET', path: '/api/printer/status', response: PrinterStatus }),
} as const;
