// The HTTP headers of the Local API, spelled once. Over IPC the same values travel as
// `BridgeCallOptions` (bridge.ts).

/** The manager PIN on every manager-only call. */
export const MANAGER_PIN_HEADER = 'x-manager-pin';
/** Who acts (a cashier's name, a terminal, a KDS), for the order timeline and the audit log. */
export const ACTOR_HEADER = 'x-actor';
