// Secrets at rest (the keys in SECRET_KEYS: Stream webhook secret and inbound token, the local
// API token), encrypted with Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the
// desktop secret store on Linux. Where Linux has no secret store, safeStorage falls back to a
// hard-coded key (`basic_text`): that is plain text in disguise, so the vault refuses to work
// rather than pretend. The asynchronous API is used because the synchronous one is deprecated in
// Electron 45 and removed in 46.
import type { SafeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SECRET_KEYS } from '../core/shell-door.js';

export class SecretStoreUnavailable extends Error {
  override name = 'SecretStoreUnavailable';
}

type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

interface VaultFile {
  version: 1;
  /** Config key path → base64 of safeStorage's ciphertext. */
  secrets: Record<string, string>;
}

export class SecretVault {
  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Throws SecretStoreUnavailable, with what to do about it, unless secrets can be kept safely. */
  async assertSecure(): Promise<void> {
    if (this.platform === 'linux') {
      const backend = this.safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown')
        throw new SecretStoreUnavailable(
          `no desktop secret store is available (safeStorage backend "${backend}"), so secrets would be ` +
            'stored in plain text. Install and unlock GNOME Keyring (libsecret) or KWallet for this user, ' +
            'or start with --password-store=gnome-libsecret; until then put secrets in CONNECTOR_* ' +
            'environment variables instead.',
        );
    }
    if (!(await this.safeStorage.isAsyncEncryptionAvailable()))
      throw new SecretStoreUnavailable(
        'the operating system refused to provide an encryption key (safeStorage unavailable)',
      );
  }

  exists(): boolean {
    return existsSync(this.file);
  }

  /** Every stored secret by key path (`stream.webhookSecret` → value). */
  async read(): Promise<Record<string, string>> {
    if (!this.exists()) return {};
    await this.assertSecure();
    const stored = this.readFile();
    const out: Record<string, string> = {};
    let reEncrypt = false;
    for (const [key, cipher] of Object.entries(stored.secrets)) {
      const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(
        Buffer.from(cipher, 'base64'),
      );
      out[key] = result;
      reEncrypt ||= shouldReEncrypt;
    }
    // The OS rotated or upgraded its key: store the same secrets again under the new one.
    if (reEncrypt) await this.replace(out);
    return out;
  }

  /** Stores these secrets beside the ones already kept (a key given here replaces its old value). */
  async write(values: Record<string, string>): Promise<void> {
    await this.replace({ ...(await this.read()), ...values });
  }

  private async replace(values: Record<string, string>): Promise<void> {
    await this.assertSecure();
    const secrets: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      if (!(SECRET_KEYS as readonly string[]).includes(key))
        throw new Error(`${key} is not a secret key`);
      secrets[key] = (await this.safeStorage.encryptStringAsync(value)).toString('base64');
    }
    const body: VaultFile = { version: 1, secrets };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
    renameSync(temp, this.file);
  }

  private readFile(): VaultFile {
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<VaultFile>;
    if (parsed.version !== 1 || typeof parsed.secrets !== 'object' || parsed.secrets === null)
      throw new Error(`${this.file}: not a secrets file this version understands`);
    return parsed as VaultFile;
  }
}

/** Where each secret key sits in a config-shaped object: the object holding it and its name
 * there. Keys whose holder is missing are left out. */
export function secretSlots(
  root: unknown,
): { key: string; holder: Record<string, unknown>; leaf: string }[] {
  return SECRET_KEYS.flatMap((key) => {
    const parts = key.split('.');
    const holder = parts
      .slice(0, -1)
      .reduce<unknown>(
        (node, part) =>
          typeof node === 'object' && node !== null
            ? (node as Record<string, unknown>)[part]
            : undefined,
        root,
      );
    if (typeof holder !== 'object' || holder === null) return [];
    return [{ key, holder: holder as Record<string, unknown>, leaf: parts[parts.length - 1]! }];
  });
}

/** Splits config values into the secrets (by key path) and everything else. */
export function splitSecrets(values: Record<string, unknown>): {
  secrets: Record<string, string>;
  rest: Record<string, unknown>;
} {
  const rest = structuredClone(values);
  const secrets: Record<string, string> = {};
  for (const { key, holder, leaf } of secretSlots(rest)) {
    const value = holder[leaf];
    if (typeof value !== 'string') continue;
    secrets[key] = value;
    delete holder[leaf];
  }
  return { secrets, rest };
}

/** `{ 'stream.inboundToken': 'x' }` → `{ stream: { inboundToken: 'x' } }`, to merge as config. */
export function nestKeys(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  return out;
}
