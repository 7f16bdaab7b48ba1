// The one door from the desktop shell (electron/main) into the core: lint refuses any other
// import of electron/core from there (eslint.boundaries.js), and any reach into a connector's
// internals (`.ctx`). The shell is wiring only, so what it needs is short: start and stop the
// connector, answer Local API calls (the IPC dispatch), follow push events, count open orders
// (tray, quit guard, sleep blocker, updates), and the core's part of a diagnostics export. The
// rest below is the plain vocabulary the shell shares with the core (config, clock, logger,
// errors at start-up), re-exported so it comes through this door too.
import type { CallOutput } from '../../shared/contract.js';
import type { Connector } from './app.js';
import type { Handlers } from './api/handlers.js';
import type { Config } from './config/schema.js';
import { integrityCheck } from './db/connection.js';
import type { PushListener } from './events/bus.js';

export { createConnector, type Connector, type ConnectorOptions } from './app.js';
export { actorName, parseCallPart } from './api/call-input.js';
export type { CallMeta, Handlers } from './api/handlers.js';
export { ConfigError, loadConfig } from './config/load.js';
export { SECRET_KEYS, type Config } from './config/schema.js';
export { NewerSchemaError } from './db/migrate.js';
export type { PushListener } from './events/bus.js';
export { UI_CSP } from './http/local-server.js';
export { systemClock, type CancelTimer, type Clock } from './util/clock.js';
export { redact, type Logger } from './util/log.js';

/** What the desktop shell may do with a running connector. */
export interface ShellDoor {
  readonly config: Config;
  /** The Local API token (the shell keeps it out of its logs). */
  readonly localToken: string;
  start(): Promise<{ streamUrl: string; localUrl: string }>;
  stop(): Promise<void>;
  /** Every Local API call by name: the IPC dispatch and the tray's status reads. */
  readonly handlers: Handlers;
  /** Push events, the same the Local API's push channel sends; returns the unsubscribe. */
  subscribe(listener: PushListener): () => void;
  /** Orders not finished yet (pending or in progress). */
  openOrders(): number;
  /** The core's part of a diagnostics export: the database check and the health report. */
  diagnostics(): Promise<{ integrityCheck: string; health: CallOutput<'getHealth'> }>;
}

/** The shell's view of `connector`: nothing more than `ShellDoor` says. */
export function shellDoor(connector: Connector): ShellDoor {
  return {
    config: connector.config,
    localToken: connector.localToken,
    start: () => connector.start(),
    stop: () => connector.stop(),
    handlers: connector.handlers,
    subscribe: (listener) => connector.ctx.bus.subscribe(listener),
    openOrders: () => connector.ctx.orders.openCounts().open,
    async diagnostics() {
      return {
        integrityCheck: integrityCheck(connector.ctx.db),
        health: await connector.handlers.getHealth({}, { actor: 'shell' }),
      };
    },
  };
}
