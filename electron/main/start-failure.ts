// A start-up step that cannot go on in a way staff or IT can fix (a bad config or provisioning
// file, a database from a newer build) stops the app with a dialog saying why, and an exit code
// IT's scripts can tell apart: 2 for configuration, 3 for data. Anything else is a bug and
// propagates to main.ts's own handler.
import type { Logger } from '../core/shell-door.js';
import type { ElectronApi } from './electron-api.js';

export class StartFailure extends Error {
  constructor(
    readonly title: string,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Runs the steps; on a StartFailure shows it, exits with its code and answers null. */
export async function stopOnStartFailure<T>(
  electron: Pick<ElectronApi, 'app' | 'dialog'>,
  log: Logger,
  steps: () => Promise<T>,
): Promise<T | null> {
  try {
    return await steps();
  } catch (err) {
    if (!(err instanceof StartFailure)) throw err;
    log.error(err.title, { message: err.message });
    electron.dialog.showErrorBox(err.title, err.message);
    electron.app.exit(err.exitCode);
    return null;
  }
}
