// One order's details for the detail panel, loaded again whenever its summary changes (a status
// step, a Stream update, a delivery message), with the failure in words.
import { useEffect, useState } from 'react';
import type { OrderDetail } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';
import { useLanguage } from '../../i18n/context.js';

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
  const language = useLanguage();
  const { api } = useServices();
  // The failure is kept as thrown and worded at render, in the language on screen then.
  const [state, setState] = useState<{ order: OrderDetail | null; failure: unknown }>({
    order: null,
    failure: null,
  });
  useEffect(() => {
    let live = true;
    api.getOrder({ id }).then(
      (order) => live && setState({ order, failure: null }),
      (err: unknown) => live && setState((s) => ({ ...s, failure: err })),
    );
    return () => {
      live = false;
    };
  }, [api, id, version, deliveryVersion]);
  return {
    order: state.order,
    error: state.failure === null ? null : explain(state.failure, language),
  };
}
