// Push events from the core's bus (shared/contract.ts `pushEvents`) to the cashier window, and
// the shell's own requests to the page. Messages for a window that is gone are dropped: the page
// reloads its state when it comes back, exactly as after a lost push stream in headless mode.
import type { WebContents } from 'electron';
import type { ShellDoor } from '../core/shell-door.js';
import type { ShellCommand } from '../../shared/contract.js';
import { IPC_CHANNELS } from './ipc.js';

type Target = () => Pick<WebContents, 'send' | 'isDestroyed'> | null;

/** `core`: the shell's door, or anything else with the same `subscribe` (the core's event bus). */
export function forwardPushEvents(core: Pick<ShellDoor, 'subscribe'>, target: Target): () => void {
  return core.subscribe((message) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.push, message);
  });
}

export function sendShellCommand(target: Target, command: ShellCommand): void {
  const contents = target();
  if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.shell, command);
}
