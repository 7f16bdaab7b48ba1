// Tray → "Export diagnostics…": asks where (unless a path is given), then writes the zip of
// diagnostics.ts from the shell's side (logs, config files, versions) and the core's side
// (health, integrity check), with every known secret removed.
import path from 'node:path';
import type { Clock, Config, Logger, ShellDoor } from '../core/shell-door.js';
import type { CounterWindow } from './counter-window.js';
import { diagnosticsFileName, writeDiagnosticsArchive } from './diagnostics.js';
import type { ElectronApi } from './electron-api.js';

export interface DiagnosticsExportDeps {
  app: ElectronApi['app'];
  core: Pick<ShellDoor, 'diagnostics'>;
  window: Pick<CounterWindow, 'askSavePath'>;
  config: Config;
  configFiles: string[];
  versions: Record<string, string>;
  platform: NodeJS.Platform;
  secrets: () => readonly string[];
  clock: Clock;
  log: Logger;
}

/** The export, as the tray and tests call it: the written file, or null when staff cancel. */
export type ExportDiagnostics = (target?: string) => Promise<string | null>;

export function diagnosticsExport(deps: DiagnosticsExportDeps): ExportDiagnostics {
  const { app, clock } = deps;
  return async (target) => {
    let file = target;
    if (!file) {
      const chosen = await deps.window.askSavePath({
        title: 'Export diagnostics',
        defaultPath: path.join(
          app.getPath('documents'),
          diagnosticsFileName(new Date(clock.now())),
        ),
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      });
      if (!chosen) return null;
      file = chosen;
    }
    await writeDiagnosticsArchive(file, {
      logsDir: app.getPath('logs'),
      config: deps.config,
      configFiles: deps.configFiles,
      versions: { app: app.getVersion(), ...deps.versions, platform: deps.platform },
      ...(await deps.core.diagnostics()),
      secrets: deps.secrets(),
      now: new Date(clock.now()),
    });
    deps.log.info('diagnostics exported', { file });
    return file;
  };
}
