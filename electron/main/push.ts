// Push events from the core's bus (shared/contract.ts `pushEvents`) to the cashier window, and
// the shell's own requests to the page. Messages for a window that is gone are dropped: the page
// reloads its state when it comes back, exactly as after a lost push stream in headless mode.
import type { WebContents } from 'electron';
import type { EventBus } from '../core/events/bus.js';
import type { ShellCommand } from '../../shared/contract.js';
import { IPC_CHANNELS } from './ipc.js';

type Target = () => Pick<WebContents, 'send' | 'isDestroyed'> | null;

export function forwardPushEvents(bus: EventBus, target: Target): () => void {
  return bus.subscribe((message) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.push, message);
  });
}

export function sendShellCommand(target: Target, command: ShellCommand): void {
  const contents = target();
  if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.shell, command);
}
