// IT provisioning: the machine-wide file merged under the user's, secrets in the encrypted vault
// (never on disk in plain text, and refused outright without a real secret store), and
// `--provision <file>` applying a store's file all or nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../electron/core/config/load.js';
import {
  loadDesktopConfig,
  machineConfigPath,
  readConfigLayer,
  userConfigPath,
} from '../../electron/main/config-sources.js';
import { moveUserSecretsToVault, provision } from '../../electron/main/provisioning.js';
import {
  SecretStoreUnavailable,
  SecretVault,
  splitSecrets,
} from '../../electron/main/secret-vault.js';
import { parseShellArgs } from '../../electron/main/shell-args.js';
import { createFakeElectron, type FakeElectron } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

const WEBHOOK = 'provisioned-webhook-secret-0001';
const INBOUND = 'provisioned-inbound-token-00001';

let dir: string;
let electron: FakeElectron;
let vault: SecretVault;
let machineFile: string;
let userFile: string;

beforeEach(() => {
  dir = scratchDir('electron-provisioning-');
  electron = createFakeElectron({
    appRoot: dir,
    paths: { userData: path.join(dir, 'user'), logs: dir },
  });
  vault = new SecretVault(
    path.join(dir, 'user', 'secrets.json'),
    electron.api.safeStorage,
    'linux',
  );
  mkdirSync(path.join(dir, 'machine'));
  machineFile = path.join(dir, 'machine', 'config.json');
  userFile = userConfigPath(path.join(dir, 'user'));
});

const writeJson = (file: string, value: unknown) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
};
const load = (env: NodeJS.ProcessEnv = {}, secrets: Record<string, string> = {}) =>
  loadDesktopConfig({
    machineFile,
    userFile,
    defaultDataDir: path.join(dir, 'user', 'data'),
    secrets,
    env,
  });

describe('machine-wide config path', () => {
  it('is documented per operating system', () => {
    expect(machineConfigPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe(
      'C:\\ProgramData\\StreamConnector\\config.json',
    );
    expect(machineConfigPath('darwin', {})).toBe(
      '/Library/Application Support/StreamConnector/config.json',
    );
    expect(machineConfigPath('linux', {})).toBe('/etc/stream-connector/config.json');
  });
});

describe('config layers', () => {
  it('uses the user-data folder for data when no file says otherwise', () => {
    const { config, files } = load();
    expect(config.dataDir).toBe(path.join(dir, 'user', 'data'));
    expect(files).toEqual([]);
  });

  it('merges defaults < machine file < user file < vault secrets < environment', () => {
    writeJson(machineFile, {
      location: { id: 'store-42', name: 'Main St', timezone: 'America/Chicago' },
      acceptance: { mode: 'auto', staffWindowSeconds: 40 },
      desktop: { kiosk: true, updates: { channel: 'beta' } },
    });
    writeJson(userFile, {
      location: { name: 'Main St (counter 2)' },
      acceptance: { staffWindowSeconds: 30 },
    });
    const { config, files } = load(
      { CONNECTOR_ACCEPTANCE_STAFF_WINDOW_SECONDS: '25' },
      { 'stream.webhookSecret': WEBHOOK },
    );
    expect(files).toEqual([machineFile, userFile]);
    expect(config.location).toMatchObject({
      id: 'store-42',
      name: 'Main St (counter 2)',
      timezone: 'America/Chicago',
    });
    expect(config.acceptance).toEqual({
      mode: 'auto',
      staffWindowSeconds: 25,
      onTimeout: 'reject',
      missedOfferPauseAfter: 2,
      missedOfferPauseWithinMinutes: 10,
    });
    expect(config.desktop).toMatchObject({
      kiosk: true,
      startAtLogin: true,
      updates: { channel: 'beta', enabled: true },
    });
    expect(config.stream.webhookSecret).toBe(WEBHOOK);
  });

  it('resolves relative paths against the file that set them', () => {
    writeJson(machineFile, { dataDir: 'data', catalog: { file: 'menu.json' } });
    const { config } = load();
    expect(config.dataDir).toBe(path.join(dir, 'machine', 'data'));
    expect(config.catalog.file).toBe(path.join(dir, 'machine', 'menu.json'));
  });

  it('reads a file saved by Notepad with a byte-order mark', () => {
    writeFileSync(machineFile, '\uFEFF{"location":{"id":"store-7"}}');
    expect(load().config.location.id).toBe('store-7');
  });

  it.each([
    ['{ not json', 'not valid JSON'],
    ['[1,2]', 'must hold a JSON object'],
    [
      '{"stream":{"webhookSecret":"short"}}',
      'stream.webhookSecret: must be at least 16 characters',
    ],
    [
      '{"desktop":{"updates":{"feedUrl":"http://updates.example.com/"}}}',
      'desktop.updates.feedUrl: must be an https:// URL',
    ],
    ['{"desktp":{}}', 'desktp: not a configuration key'],
  ])('names the file and the key for %s', (text, message) => {
    writeFileSync(machineFile, text);
    expect(() => load()).toThrow(ConfigError);
    expect(() => load()).toThrow(machineFile);
    expect(() => load()).toThrow(message);
  });

  it('reports secrets found in plain text in the machine file', () => {
    writeJson(machineFile, { stream: { inboundToken: INBOUND } });
    expect(load().plaintextMachineSecrets).toEqual(['stream.inboundToken']);
  });
});

describe('secret vault', () => {
  it('keeps secrets encrypted on disk and reads them back', async () => {
    await vault.write({ 'stream.webhookSecret': WEBHOOK });
    await vault.write({ 'stream.inboundToken': INBOUND });
    const onDisk = readFileSync(path.join(dir, 'user', 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain(WEBHOOK);
    expect(onDisk).not.toContain(INBOUND);
    expect(await vault.read()).toEqual({
      'stream.webhookSecret': WEBHOOK,
      'stream.inboundToken': INBOUND,
    });
  });

  it.each(['basic_text', 'unknown'] as const)(
    'refuses the Linux %s backend with a message saying what to do',
    async (backend) => {
      electron.safeStorage.backend = backend;
      const write = vault.write({ 'stream.webhookSecret': WEBHOOK });
      await expect(write).rejects.toThrow(SecretStoreUnavailable);
      await expect(vault.write({ 'stream.webhookSecret': WEBHOOK })).rejects.toThrow(
        /plain text.*GNOME Keyring|KWallet/,
      );
      expect(vault.exists()).toBe(false);
    },
  );

  it('ignores the Linux backend name on Windows and macOS', async () => {
    electron.safeStorage.backend = 'basic_text';
    const windowsVault = new SecretVault(
      path.join(dir, 'win-secrets.json'),
      electron.api.safeStorage,
      'win32',
    );
    await windowsVault.write({ 'local.token': 'local-token-0123456789' });
    expect(await windowsVault.read()).toEqual({ 'local.token': 'local-token-0123456789' });
  });

  it('refuses when the OS gives no encryption key', async () => {
    electron.safeStorage.available = false;
    await expect(vault.write({ 'local.token': 'local-token-0123456789' })).rejects.toThrow(
      SecretStoreUnavailable,
    );
  });

  it('stores again under the new key when the OS rotated it', async () => {
    const file = path.join(dir, 'user', 'secrets.json');
    const storedKey = () => {
      const { secrets } = JSON.parse(readFileSync(file, 'utf8')) as {
        secrets: Record<string, string>;
      };
      return Buffer.from(secrets['stream.webhookSecret']!, 'base64').toString('utf8').split(':')[0];
    };
    await vault.write({ 'stream.webhookSecret': WEBHOOK });
    expect(storedKey()).toBe('fake-os-key-v1');
    electron.safeStorage.keyVersion = 2;
    expect(await vault.read()).toEqual({ 'stream.webhookSecret': WEBHOOK });
    expect(storedKey()).toBe('fake-os-key-v2');
  });

  it('takes only secret keys', async () => {
    await expect(vault.write({ 'location.name': 'x' })).rejects.toThrow('not a secret key');
    expect(splitSecrets({ stream: { webhookSecret: WEBHOOK, port: 1 }, local: {} })).toEqual({
      secrets: { 'stream.webhookSecret': WEBHOOK },
      rest: { stream: { port: 1 }, local: {} },
    });
  });
});

describe('--provision', () => {
  const storeFile = () => path.join(dir, 'it', 'store-42.json');
  const storeConfig = {
    location: { id: 'store-42', name: 'Main St', timezone: 'America/New_York' },
    stream: {
      webhookSecret: WEBHOOK,
      inboundToken: INBOUND,
      partnerSlug: 'acme-pos',
      apiUrl: 'https://api.stream.example/v1',
    },
    catalog: { file: 'menu.json' },
  };

  it('puts secrets in the vault and the rest in the user file, then the app loads it', async () => {
    writeJson(userFile, { location: { name: 'old' } });
    writeJson(storeFile(), storeConfig);
    const result = await provision(storeFile(), userFile, vault);
    expect(result.secrets.sort()).toEqual(['stream.inboundToken', 'stream.webhookSecret']);
    expect(result.settings).toContain('location.id');
    const userText = readFileSync(userFile, 'utf8');
    expect(userText).not.toContain(WEBHOOK);
    expect(userText).not.toContain(INBOUND);
    expect(JSON.parse(readFileSync(`${userFile}.bak`, 'utf8'))).toEqual({
      location: { name: 'old' },
    });
    const { config } = load({}, await vault.read());
    expect(config.location).toMatchObject({ id: 'store-42', name: 'Main St' });
    expect(config.stream).toMatchObject({
      webhookSecret: WEBHOOK,
      inboundToken: INBOUND,
      partnerSlug: 'acme-pos',
    });
    expect(config.catalog.file).toBe(path.join(dir, 'it', 'menu.json'));
  });

  it('changes nothing when the file is invalid', async () => {
    writeJson(userFile, { location: { name: 'kept' } });
    writeJson(storeFile(), { ...storeConfig, acceptance: { mode: 'sometimes' } });
    await expect(provision(storeFile(), userFile, vault)).rejects.toThrow(/acceptance\.mode/);
    expect(JSON.parse(readFileSync(userFile, 'utf8'))).toEqual({ location: { name: 'kept' } });
    expect(vault.exists()).toBe(false);
  });

  it('changes nothing when secrets cannot be kept safely', async () => {
    electron.safeStorage.backend = 'basic_text';
    writeJson(storeFile(), storeConfig);
    await expect(provision(storeFile(), userFile, vault)).rejects.toThrow(SecretStoreUnavailable);
    expect(existsSync(userFile)).toBe(false);
  });

  it('fails with the path when the file does not exist', async () => {
    await expect(provision(path.join(dir, 'nope.json'), userFile, vault)).rejects.toThrow(
      'nope.json: does not exist',
    );
  });

  it('moves secrets typed into the user file into the vault', async () => {
    writeJson(userFile, {
      location: { id: 'store-9' },
      local: { token: 'local-token-0123456789' },
    });
    expect(await moveUserSecretsToVault(userFile, vault)).toEqual(['local.token']);
    expect(readFileSync(userFile, 'utf8')).not.toContain('local-token-0123456789');
    expect(readConfigLayer(userFile)).toEqual({ location: { id: 'store-9' }, local: {} });
    expect(await vault.read()).toEqual({ 'local.token': 'local-token-0123456789' });
    expect(await moveUserSecretsToVault(userFile, vault)).toEqual([]);
  });
});

describe('shell arguments', () => {
  it('reads --provision, --machine-config and --user-data in both spellings, relative to the working folder', () => {
    expect(
      parseShellArgs(
        [
          'app',
          '--provision',
          'store.json',
          '--user-data=/tmp/u',
          '--machine-config',
          '/etc/x.json',
        ],
        '/home/it',
      ),
    ).toEqual({
      provision: '/home/it/store.json',
      userData: '/tmp/u',
      machineConfig: '/etc/x.json',
    });
    expect(parseShellArgs(['app', '--provision'], '/')).toEqual({});
    expect(parseShellArgs(['app', '--provision', '--kiosk'], '/')).toEqual({});
  });
});
