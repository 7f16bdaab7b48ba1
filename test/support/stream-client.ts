// Talks to the Stream listener the way Stream does: signed, bearer-authenticated JSON over real
// HTTP. Also a small Local API client for tests.
import { createHmac } from 'node:crypto';
import { TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_WEBHOOK_SECRET } from './secrets.js';

export interface SendOptions {
  secret?: string;
  token?: string;
  /** Replace the computed signature header (or drop it with null). */
  signature?: string | null;
  authorization?: string | null;
  contentType?: string;
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export function sign(body: string | Buffer, secret = TEST_WEBHOOK_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export async function sendToStreamListener<T = unknown>(
  baseUrl: string,
  body: string | object,
  options: SendOptions = {},
  path = '/stream/orders',
): Promise<HttpResult<T>> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
  };
  const signature =
    options.signature === undefined ? sign(text, options.secret) : options.signature;
  if (signature !== null) headers['x-stream-signature'] = signature;
  const auth =
    options.authorization === undefined
      ? `Bearer ${options.token ?? TEST_INBOUND_TOKEN}`
      : options.authorization;
  if (auth !== null) headers.authorization = auth;
  const res = await fetch(baseUrl + path, { method: 'POST', headers, body: text });
  return { status: res.status, body: (await readBody(res)) as T, headers: res.headers };
}

export async function local<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  token = TEST_LOCAL_TOKEN,
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await readBody(res)) as T, headers: res.headers };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
