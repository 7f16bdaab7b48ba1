// Every event the connector sends to Stream (stream-api.md A4, B4), built in one place. The
// body string returned here is stored in the outbox and sent byte for byte on every attempt, so
// the signature and the Idempotency-Key never change between retries.
import type { StaffStatus } from '../../../../shared/domain.js';
import type { PosValidation } from './answers.js';

export type EventShape = 'event_data' | 'type_object';

export interface OutgoingEvent {
  kind: string;
  /** Decisions race Stream's 60-second window and get the fast retry phase. */
  urgency: 'decision' | 'normal';
  body: string;
}

export function orderAccepted(
  providerId: string,
  locationId: string,
  prepTimeMinutes: number,
): OutgoingEvent {
  return {
    kind: 'order.accepted',
    urgency: 'decision',
    body: JSON.stringify({
      type: 'order.accepted',
      object: {
        provider_id: providerId,
        location_id: locationId,
        prep_time_minutes: prepTimeMinutes,
      },
    }),
  };
}

export function orderRejected(
  providerId: string,
  locationId: string,
  posValidation: PosValidation,
): OutgoingEvent {
  return {
    kind: 'order.rejected',
    urgency: 'decision',
    body: JSON.stringify({
      type: 'order.rejected',
      object: { provider_id: providerId, location_id: locationId, posValidation },
    }),
  };
}

/** Our statuses as Stream's wire names (A4). */
export const WIRE_STATUS: Record<StaffStatus | 'canceled', string> = {
  preparing: 'preparing',
  ready: 'ready_for_pickup',
  out_for_delivery: 'out_for_delivery',
  completed: 'completed',
  canceled: 'canceled',
};

function shaped(
  shape: EventShape,
  name: string,
  order: Record<string, unknown>,
  locationId: string,
): string {
  return shape === 'event_data'
    ? JSON.stringify({ event: name, data: { order } })
    : JSON.stringify({ type: name, object: { ...order, location_id: locationId } });
}

export function orderStatusUpdated(
  shape: EventShape,
  providerId: string,
  locationId: string,
  status: StaffStatus | 'canceled',
): OutgoingEvent {
  return {
    kind: 'order.status.updated',
    urgency: 'normal',
    body: shaped(
      shape,
      'order.status.updated',
      { provider_id: providerId, status: WIRE_STATUS[status] },
      locationId,
    ),
  };
}

export function orderCanceled(
  shape: EventShape,
  providerId: string,
  locationId: string,
  reason: string,
): OutgoingEvent {
  return {
    kind: 'order.canceled',
    urgency: 'normal',
    body: shaped(shape, 'order.canceled', { provider_id: providerId, reason }, locationId),
  };
}

export function locationStatusUpdated(
  locationId: string,
  active: boolean,
  pausedUntil?: number,
): OutgoingEvent {
  const object: Record<string, unknown> = {
    location_id: locationId,
    status: active ? 'active' : 'inactive',
  };
  if (!active && pausedUntil !== undefined) object.paused_until = pausedUntil;
  return {
    kind: 'location.status.updated',
    urgency: 'normal',
    body: JSON.stringify({ type: 'location.status.updated', object }),
  };
}
