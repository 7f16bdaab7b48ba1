// The typed Local API client, derived from shared/contract.ts: one method per entry of
// `localApi`, with the request type from `CallRequest` and the answer validated against the
// call's own response schema. A call added to the contract appears here by itself.
import {
  ACTOR_HEADER,
  ApiErrorBody,
  callNames,
  callSpec,
  fillPath,
  MANAGER_PIN_HEADER,
  mayDownload,
  splitRequest,
  type CallName,
  type CallOutput,
  type CallRequest,
  type CallSpec,
} from '../../../shared/contract.js';
import type { IpcBridge } from './bridge.js';
import type { ServerClock } from './server-clock.js';
import { CLIENT_TEXTS } from '../app/texts.js';
import { texts } from '../i18n/texts.js';

/** A call that takes no input may be called with no argument. */
type Args<K extends CallName> =
  object extends CallRequest<K>
    ? [request?: CallRequest<K>, options?: CallOptions]
    : [request: CallRequest<K>, options?: CallOptions];

export type LocalApiClient = {
  [K in CallName]: (...args: Args<K>) => Promise<CallOutput<K>>;
};

export interface CallOptions {
  /** Sent as `X-Manager-Pin` to calls that need a manager's approval. */
  managerPin?: string;
  signal?: AbortSignal;
}

export class LocalApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LocalApiError';
  }

  /** The server is unreachable (not an answer from it). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface ClientDeps {
  baseUrl: string;
  token: string;
  clock: ServerClock;
  /** Who acts, for the order timeline (`X-Actor`). */
  actor?: () => string | undefined;
  fetch?: typeof fetch;
  /** Inside the desktop shell: call the core over IPC instead of HTTP. */
  bridge?: IpcBridge | null;
}

export function createLocalApiClient(deps: ClientDeps): LocalApiClient {
  const client: Partial<Record<CallName, unknown>> = {};
  for (const name of callNames) {
    const spec = callSpec(name);
    client[name] = (request?: Record<string, unknown>, options?: CallOptions) =>
      deps.bridge
        ? performIpc(deps, deps.bridge, name, spec, request ?? {}, options ?? {})
        : perform(deps, name, spec, request ?? {}, options ?? {});
  }
  return client as LocalApiClient;
}

/** Query strings carry lists comma-separated (the contract's `status=a,b`) and numbers as JSON. */
function queryValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function perform(
  deps: ClientDeps,
  name: CallName,
  spec: CallSpec,
  request: Record<string, unknown>,
  options: CallOptions,
): Promise<unknown> {
  const parts = splitRequest(spec, request);
  const path = fillPath(spec, parts.params);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.query)) query.set(key, queryValue(value));
  const body = parts.body;
  const headers: Record<string, string> = { authorization: `Bearer ${deps.token}` };
  const actor = deps.actor?.();
  if (actor) headers[ACTOR_HEADER] = actor;
  if (options.managerPin) headers[MANAGER_PIN_HEADER] = options.managerPin;
  const hasBody = spec.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  const url = deps.baseUrl + path + (query.size ? `?${query.toString()}` : '');

  const sentAt = Date.now();
  let res: Response;
  try {
    res = await (deps.fetch ?? fetch)(url, {
      method: spec.method,
      headers,
      body: hasBody ? JSON.stringify(body) : undefined,
      signal: options.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new LocalApiError(0, 'network', texts(CLIENT_TEXTS).notAnswering);
  }
  deps.clock.observeDateHeader(res.headers.get('date'), sentAt, Date.now());
  // A download (CSV …) comes over HTTP as the file itself; the IPC bridge hands over the same
  // `FileDownload` object, so both transports answer the same shape.
  if (res.ok && mayDownload(name) && !isJson(res))
    return validated(name, spec, await fileFrom(res), res.status);
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ApiErrorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, field } = parsed.data.error;
      throw new LocalApiError(res.status, code, message, field);
    }
    throw new LocalApiError(
      res.status,
      'http_' + res.status,
      `${name} failed with HTTP ${res.status}`,
    );
  }
  return validated(name, spec, json, res.status);
}

function isJson(res: Response): boolean {
  return /^application\/json\b/i.test(res.headers.get('content-type') ?? '');
}

async function fileFrom(res: Response): Promise<unknown> {
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? 'download';
  const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
  return { file: { name, contentType, content: await res.text() } };
}

async function performIpc(
  deps: ClientDeps,
  bridge: IpcBridge,
  name: CallName,
  spec: CallSpec,
  request: Record<string, unknown>,
  options: CallOptions,
): Promise<unknown> {
  const actor = deps.actor?.();
  const result = await bridge.call(name, request, {
    ...(actor ? { actor } : {}),
    ...(options.managerPin ? { managerPin: options.managerPin } : {}),
  });
  if (!result.ok) {
    const { status, code, message, field } = result.error;
    throw new LocalApiError(status, code, message, field);
  }
  // The core runs in this machine's main process: same clock, no offset to learn.
  return validated(name, spec, result.data, 200);
}

/** Answers are checked against the call's response schema: a drifted core fails loudly here. */
function validated(name: CallName, spec: CallSpec, json: unknown, status: number): unknown {
  const parsed = spec.response.safeParse(json);
  if (!parsed.success)
    throw new LocalApiError(
      status,
      'bad_response',
      `${name}: unexpected answer (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  return parsed.data;
}
