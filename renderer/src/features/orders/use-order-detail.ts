// One order's details for the detail panel, loaded again whenever its summary changes (a status
// step, a Stream update, a delivery message), with the failure in words.
import { useEffect, useState } from 'react';
import type { OrderDetail } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';

export interface DetailState {
  order: OrderDetail | null;
  /** Why it could not be loaded (shown only while there is no order to show). */
  error: string | null;
}

/** `version`, `deliveryVersion`: the summary's `updatedAt` and delivery state; a change in either
 * loads the order again. */
export function useOrderDetail(
  id: string,
  version: number | undefined,
  deliveryVersion: string | undefined,
): DetailState {
  const { api } = useServices();
  const [state, setState] = useState<DetailState>({ order: null, error: null });
  useEffect(() => {
    let live = true;
    api.getOrder({ id }).then(
      (order) => live && setState({ order, error: null }),
      (err: unknown) => live && setState((s) => ({ ...s, error: explain(err) })),
    );
    return () => {
      live = false;
    };
  }, [api, id, version, deliveryVersion]);
  return state;
}
