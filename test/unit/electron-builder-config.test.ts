// electron-builder.yml, validated the way electron-builder itself validates it (its own
// validateConfiguration, and its shipped JSON schema through ajv), then read as a checklist:
// installers per platform, signing and notarization, native modules, fuses, the update feed.
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../electron/main/before-ready.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
/** The parts of the configuration this test reads. */
interface BuilderYml {
  appId: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  publish: Record<string, string>;
  win: { target: { target: string }[]; verifyUpdateCodeSignature: boolean };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown> & { upgradeCode: string };
  mac: {
    target: { target: string }[];
    hardenedRuntime: boolean;
    notarize: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  linux: { target: { target: string }[]; maintainer: string };
}
const config = yaml.load(
  readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderYml;

interface BuilderInternals {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
}
const { validateConfiguration } =
  require('app-builder-lib/out/util/config/config.js') as BuilderInternals;
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration check", async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('matches app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by that check when a key is misspelt (the check can fail)', async () => {
    const broken = {
      ...structuredClone(config),
      electronFuses: { ...config.electronFuses, runAsNod: false },
    };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('has the app id the shell uses for Windows notifications', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('sets every recommended fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar, unpacks and rebuilds the SQLite native module', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/better-sqlite3/**/*', '**/*.node']),
    );
    expect(config.npmRebuild).toBe(true);
  });

  it('packs the compiled shell, the built UI and the icons, and what it packs exists after a build', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/electron/**/*', 'renderer/dist/**/*', 'resources/tray/**/*']),
    );
    for (const file of [
      'resources/icon.png',
      'resources/tray/online.png',
      'resources/tray/paused.png',
      'resources/tray/attention.png',
    ])
      expect(existsSync(path.join(root, file)), file).toBe(true);
  });

  it('builds a per-machine NSIS installer and an MSI for Windows, verifying update signatures', () => {
    const targets = config.win.target.map((t) => t.target);
    expect(targets).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({
      perMachine: true,
      oneClick: false,
      deleteAppDataOnUninstall: false,
    });
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi.upgradeCode).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('builds a hardened, notarized dmg and zip for macOS with our entitlements', () => {
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(
        path.join(root, config.mac[key as 'entitlements' | 'entitlementsInherit']),
        'utf8',
      );
      expect(plist).toContain('com.apple.security.cs.allow-jit');
      expect(plist).not.toContain('disable-library-validation');
      expect(plist).not.toContain('allow-dyld-environment-variables');
    }
  });

  it('builds an AppImage and a deb for Linux', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('publishes to a generic feed given by the release environment, with no secret in the file', () => {
    expect(config.publish).toEqual({
      provider: 'generic',
      url: '${env.UPDATE_FEED_URL}',
      channel: 'latest',
    });
    const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/password:|cscKeyPassword|certificatePassword/i);
  });
});
