// The same core as headless mode, from the same composition root (createConnector), reached
// afterwards only through its door. Its local API token joins the known secrets before it starts.
import {
  type Config,
  type Connector,
  type ConnectorOptions,
  createConnector,
  NewerSchemaError,
  shellDoor,
  type ShellDoor,
} from '../core/shell-door.js';
import type { KnownSecrets } from './known-secrets.js';
import { StartFailure } from './start-failure.js';

export interface StartedCore {
  connector: Connector;
  core: ShellDoor;
}

/** Throws a StartFailure when the database was written by a newer build (a rolled-back install). */
export async function startCore(
  config: Config,
  options: ConnectorOptions,
  secrets: KnownSecrets,
): Promise<StartedCore> {
  let connector: Connector;
  try {
    connector = createConnector(config, options);
  } catch (err) {
    if (err instanceof NewerSchemaError)
      throw new StartFailure('Stream Connector cannot open its data', err.message, 3);
    throw err;
  }
  const core = shellDoor(connector);
  secrets.add(core.localToken);
  await core.start();
  return { connector, core };
}
