// Orders on the board: list, detail, and the staff decisions on them.
import { z } from 'zod';
import { OrderStatus, RejectCode, StaffStatus } from '../domain.js';
import { CancelOrderRequest } from '../instore.js';
import { MissedSummary, OrderDetail, OrderSummary } from '../order.js';
import { call } from './call.js';

export const OrderIdParams = z.object({ id: z.string().min(1).max(64) });

export const orderCalls = {
  listOrders: call({
    method: 'GET',
    path: '/api/orders',
    query: z.object({
      status: z
        .string()
        .transform((s) => s.split(',').filter(Boolean))
        .pipe(z.array(OrderStatus))
        .optional(),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    response: z.object({ orders: z.array(OrderSummary) }),
  }),
  getOrder: call({
    method: 'GET',
    path: '/api/orders/:id',
    params: OrderIdParams,
    response: OrderDetail,
  }),
  acceptOrder: call({
    method: 'POST',
    path: '/api/orders/:id/accept',
    params: OrderIdParams,
    body: z.object({ prepTimeMinutes: z.number().int().min(1).max(240).optional() }).strict(),
    response: OrderDetail,
  }),
  rejectOrder: call({
    method: 'POST',
    path: '/api/orders/:id/reject',
    params: OrderIdParams,
    body: z
      .object({
        code: RejectCode,
        reason: z.string().max(500).optional(),
        /** Provider ids of the items or modifiers that are out, for `items_unavailable`. */
        unavailable: z
          .array(z.object({ type: z.enum(['item', 'modifier']), providerId: z.string().min(1) }))
          .max(100)
          .optional(),
      })
      .strict(),
    response: OrderDetail,
  }),
  setOrderStatus: call({
    method: 'POST',
    path: '/api/orders/:id/status',
    params: OrderIdParams,
    body: z.object({ status: StaffStatus }).strict(),
    response: OrderDetail,
  }),
  /** Missed orders: today's count, unseen ones, and whether to offer a pause (issue 14). */
  getMissed: call({ method: 'GET', path: '/api/missed', response: MissedSummary }),
  /** A person has seen a missed order: it leaves the Missed group; who, on its timeline. */
  markMissedSeen: call({
    method: 'POST',
    path: '/api/orders/:id/missed/seen',
    params: OrderIdParams,
    response: OrderDetail,
  }),
  /** Staff cancel an order already accepted (a pending one is rejected instead). */
  cancelOrder: call({
    method: 'POST',
    path: '/api/orders/:id/cancel',
    params: OrderIdParams,
    body: CancelOrderRequest,
    response: OrderDetail,
    /** Canceling an accepted order is a manager action (issue 5). */
    manager: true,
  }),
} as const;
