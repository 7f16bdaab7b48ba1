// The typed Local API client, derived from shared/contract.ts: one method per entry of
// `localApi`, with the request type from `CallRequest` and the answer validated against the
// call's own response schema. A call added to the contract appears here by itself.
import {
  ACTOR_HEADER,
  ApiError,
  ApiErrorBody,
  callNames,
  callSpec,
  fillPath,
  MANAGER_PIN_HEADER,
  mayDownload,
  NO_BODY,
  splitRequest,
  zodProblem,
  type CallName,
  type CallOutput,
  type CallRequest,
  type CallSpec,
} from '../../../shared/contract.js';
import type { z } from 'zod';
import type { IpcBridge } from './bridge.js';
import type { Transport } from './transport.js';
import type { ServerClock } from './server-clock.js';
import { CLIENT_TEXTS } from '../app/texts.js';
import type { Language } from '../i18n/language.js';
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

/** The core's ApiError as the page receives it (status 0: no answer at all). */
export class LocalApiError extends ApiError {
  override name = 'LocalApiError';

  /** The server is unreachable (not an answer from it). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface ClientDeps {
  /** The bridge inside the desktop shell, HTTP in a browser (transport.ts), never both. */
  transport: Transport;
  clock: ServerClock;
  /** Who acts, for the order timeline (`X-Actor`). */
  actor?: () => string | undefined;
  /** The screen's language, asked when the client words a fault itself (connector not
   * answering); the connector's own messages come back as it sent them. */
  language: () => Language;
  fetch?: typeof fetch;
}

export function createLocalApiClient(deps: ClientDeps): LocalApiClient {
  const client: Partial<Record<CallName, unknown>> = {};
  for (const name of callNames) {
    const spec = callSpec(name);
    client[name] = (request?: Record<string, unknown>, options?: CallOptions) =>
      deps.transport.kind === 'ipc'
        ? performIpc(deps, deps.transport.bridge, name, spec, request ?? {}, options ?? {})
        : perform(deps, deps.transport, name, spec, request ?? {}, options ?? {});
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
  http: Extract<Transport, { kind: 'http' }>,
  name: CallName,
  spec: CallSpec,
  request: Record<string, unknown>,
  options: CallOptions,
): Promise<unknown> {
  const parts = splitRequest(spec, request);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.query)) query.set(key, queryValue(value));
  const body = parts.body;
  // What the URL cannot carry is refused here with the very problem the bridge answers: a path
  // param missing or wrong (it would become `/api/orders/undefined`, a 404 instead of a 400), and
  // a field of a bodiless call (no body is sent, so it would vanish; both edges refuse it).
  refuseLocally(spec.params, parts.params, 'params');
  if (!spec.body && Object.keys(body).length > 0) refuseLocally(NO_BODY, body, 'body');
  const path = fillPath(spec, parts.params);
  const headers: Record<string, string> = { authorization: `Bearer ${http.token}` };
  const actor = deps.actor?.();
  if (actor) headers[ACTOR_HEADER] = actor;
  if (options.managerPin) headers[MANAGER_PIN_HEADER] = options.managerPin;
  const hasBody = spec.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  const url = http.baseUrl + path + (query.size ? `?${query.toString()}` : '');

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
    throw new LocalApiError(0, 'network', texts(CLIENT_TEXTS, deps.language()).notAnswering);
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

/** Throws the 400 both edges would answer when `value` does not pass `schema`. */
function refuseLocally(schema: z.ZodType | undefined, value: unknown, where: string): void {
  const parsed = schema?.safeParse(value);
  if (!parsed || parsed.success) return;
  const { status, code, message, field } = zodProblem(parsed.error, where);
  throw new LocalApiError(status, code, message, field);
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
