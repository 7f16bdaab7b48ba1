// Every secret the configuration holds: the logger scrubs each from every line it writes, so a
// token or a PIN in an error message never reaches connector.log.
import type { Config } from './schema.js';

/** `localToken`: the Local API's token, from the config or the data folder. */
export function configSecrets(config: Config, localToken: string): (string | undefined)[] {
  return [
    config.stream.webhookSecret,
    config.stream.inboundToken,
    config.stream.clientSecret,
    config.stream.authorize.clientSecret,
    localToken,
    config.pos.authHeader,
    config.manager.initialPin,
    config.relay.password,
  ];
}
