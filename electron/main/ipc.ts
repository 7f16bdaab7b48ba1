// The Local API over IPC: one channel for every call in the shared contract, dispatched to the
// same handlers as the HTTP routes (connector.handlers), with the same zod schemas and the same
// error codes. A call added to `localApi` is callable here with no change to this file. Every
// message is refused unless it comes from the top frame of our own window showing our bundle.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  bodySchema,
  callSpec,
  INTERNAL,
  localApi,
  problem,
  problemFor,
  splitRequest,
  zodProblem,
  type BridgeError,
  type BridgeLogLevel,
  type CallName,
  type IpcChannels,
} from '../../shared/contract.js';
import {
  actorName,
  type CallMeta,
  type Handlers,
  type Logger,
  parseCallPart,
} from '../core/shell-door.js';
import { isAppUrl } from './protocol.js';
import { saveFileFromPage, type SaveFileDeps } from './save-file.js';

export const IPC_CHANNELS: IpcChannels = {
  call: 'connector:call',
  push: 'connector:push',
  shell: 'connector:shell',
  log: 'connector:log',
  saveFile: 'connector:save-file',
};

export type IpcResult = { ok: true; data: unknown } | { ok: false; error: BridgeError };

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>;

/**
 * The sender check of the Electron security checklist: the message must come from the web
 * contents of our window (`allowedContentsId`), from its top frame (an iframe can send IPC too),
 * and that frame must be showing our bundle's origin.
 */
export function isTrustedSender(event: SenderEvent, allowedContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || allowedContentsId === null) return false;
  if (event.sender.id !== allowedContentsId) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

const CallOptions = z
  .object({
    actor: z.string().max(64).optional(),
    managerPin: z.string().max(32).optional(),
  })
  .strict();

const failure = (status: number, code: string, message: string, field?: string): IpcResult => ({
  ok: false,
  error: problem(status, code, message, field),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Splits the merged request the way the HTTP client does (path params, query, the rest is the
 * body), validates each part with the contract's schema and runs the handler. Never throws:
 * every outcome is a result the renderer can show.
 */
export async function dispatchCall(
  handlers: Handlers,
  name: unknown,
  request: unknown,
  options: unknown,
  log: Logger,
): Promise<IpcResult> {
  if (typeof name !== 'string' || !Object.hasOwn(localApi, name))
    return failure(
      404,
      'unknown_call',
      `no Local API call named ${JSON.stringify(String(name)).slice(0, 80)}`,
    );
  const callName = name as CallName;
  const spec = callSpec(callName);
  const input = request ?? {};
  if (!isPlainObject(input))
    return failure(400, 'invalid_request', 'request: must be an object', 'request');
  const parsedOptions = CallOptions.safeParse(options ?? {});
  if (!parsedOptions.success) {
    const problem = zodProblem(parsedOptions.error, 'options');
    return failure(400, problem.code, problem.message, problem.field);
  }
  try {
    const parts = splitRequest(spec, input);
    const parsed = {
      ...parseCallPart(spec.params, parts.params, 'params'),
      ...parseCallPart(spec.query, parts.query, 'query'),
      // A field no part names lands in the body; a call without one refuses it (NO_BODY), as HTTP.
      ...parseCallPart(bodySchema(spec), parts.body, 'body'),
    };
    const { actor, managerPin } = parsedOptions.data;
    // Only the trusted window of the counter reaches this dispatch (isTrustedSender).
    const meta: CallMeta = {
      actor: actorName(actor),
      atCounter: true,
      ...(managerPin ? { managerPin } : {}),
    };
    const handler = handlers[callName] as (input: unknown, meta: CallMeta) => unknown;
    return { ok: true, data: await handler(parsed, meta) };
  } catch (err) {
    const known = problemFor(err);
    if (known) return { ok: false, error: known };
    log.error('unexpected error in IPC call', { call: callName, err });
    return { ok: false, error: INTERNAL };
  }
}

export interface IpcDeps {
  ipcMain: IpcMain;
  handlers: Handlers;
  /** The web contents id of the cashier window, or null while there is none. */
  windowContentsId: () => number | null;
  log: Logger;
  rendererLog: Pick<Logger, BridgeLogLevel>;
  /** Where a file the page saves goes (save-file.ts); without it saving is refused. */
  saveFile?: Omit<SaveFileDeps, 'log'>;
}

const LogLine = z.tuple([z.enum(['info', 'warn', 'error']), z.string()]);

/** Registers the IPC side of the bridge; returns the function that removes it again. */
export function registerIpc(deps: IpcDeps): () => void {
  const trusted = (event: SenderEvent): boolean => {
    if (isTrustedSender(event, deps.windowContentsId())) return true;
    deps.log.warn('IPC from an untrusted sender refused', { url: event.senderFrame?.url ?? null });
    return false;
  };
  deps.ipcMain.handle(
    IPC_CHANNELS.call,
    (event, name: unknown, request: unknown, options: unknown) => {
      if (!trusted(event))
        return failure(403, 'forbidden', 'IPC is only accepted from the cashier window');
      return dispatchCall(deps.handlers, name, request, options, deps.log);
    },
  );
  const onLog = (event: IpcMainEvent, ...args: unknown[]): void => {
    if (!trusted(event)) return;
    const parsed = LogLine.safeParse(args);
    if (!parsed.success) return;
    const [level, message] = parsed.data;
    deps.rendererLog[level](message.slice(0, 2000));
  };
  deps.ipcMain.on(IPC_CHANNELS.log, onLog);
  deps.ipcMain.handle(IPC_CHANNELS.saveFile, (event, file: unknown) => {
    if (!trusted(event))
      return failure(403, 'forbidden', 'IPC is only accepted from the cashier window');
    if (!deps.saveFile) return failure(501, 'not_supported', 'this shell cannot save files');
    return saveFileFromPage(file, { ...deps.saveFile, log: deps.log });
  });
  return () => {
    deps.ipcMain.removeHandler(IPC_CHANNELS.call);
    deps.ipcMain.removeHandler(IPC_CHANNELS.saveFile);
    deps.ipcMain.removeListener(IPC_CHANNELS.log, onLog);
  };
}
