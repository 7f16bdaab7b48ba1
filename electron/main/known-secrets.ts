// Every secret value this run knows (the configured secrets and the local API token), kept in
// one place so the log redaction and the diagnostics export scrub the same list. The log reads
// it on every line, so a secret learnt after logging started is covered from then on.
import type { Config } from '../core/shell-door.js';
import { splitSecrets } from './secret-vault.js';

export class KnownSecrets {
  private readonly values = new Set<string>();

  add(value: string): void {
    this.values.add(value);
  }

  /** The value of every secret key (`SECRET_KEYS`) that is set in this configuration. */
  addFromConfig(config: Config): void {
    const { secrets } = splitSecrets(config);
    for (const value of Object.values(secrets)) this.add(value);
  }

  list = (): string[] => [...this.values];
}
