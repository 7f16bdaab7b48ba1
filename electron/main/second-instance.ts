// A second start of the app (a shortcut clicked again, or IT running `--provision <file>` while
// the app runs) does not open a second counter: it brings this one to the front, and a file it
// carries is provisioned here. The new configuration restarts the app at once when no order is
// open; otherwise it applies at the next start, so no open order is dropped.
import type { Logger } from '../core/shell-door.js';
import type { ElectronApi } from './electron-api.js';
import type { ProvisionResult } from './provisioning.js';
import { parseShellArgs } from './shell-args.js';

export interface SecondInstanceDeps {
  electron: Pick<ElectronApi, 'app' | 'dialog'>;
  show: () => void;
  provisionFile: (file: string) => Promise<ProvisionResult>;
  openOrders: () => number;
  /** Lets the restart through the quit guard (it is decided here under the same rule). */
  allowQuit: () => void;
  log: Logger;
}

export interface SecondInstances {
  /** The latest provisioning handed over by a second start (settles when it is applied). */
  readonly provisioning: Promise<void>;
}

export function acceptSecondInstances(deps: SecondInstanceDeps): SecondInstances {
  const { app } = deps.electron;
  let provisioning: Promise<void> = Promise.resolve();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    deps.show();
    const file = parseShellArgs(argv, workingDirectory).provision;
    if (file) provisioning = reprovision(deps, file);
  });
  return {
    get provisioning() {
      return provisioning;
    },
  };
}

async function reprovision(deps: SecondInstanceDeps, file: string): Promise<void> {
  const { electron, log } = deps;
  try {
    const result = await deps.provisionFile(file);
    log.info('provisioned while running', { from: file, ...result });
    if (deps.openOrders() > 0) {
      log.info('new configuration applies at the next start: orders are open');
      return;
    }
    deps.allowQuit();
    electron.app.relaunch();
    electron.app.quit();
  } catch (err) {
    log.error('provisioning failed', { from: file, reason: (err as Error).message });
    electron.dialog.showErrorBox('Provisioning failed', `${file}: ${(err as Error).message}`);
  }
}
