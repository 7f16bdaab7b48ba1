// The demo's Stream cloud: started by headless mode when `demo.fakeStreamCloud` is set (the demo
// config sets it), listening at `stream.apiUrl` on loopback. It plays Stream receiving the
// connector's events: checks each signature with `stream.webhookSecret`, answers as Stream does
// (200 `{}` for a signed event, 401 for a bad signature, 404 for any other path), and prints one
// line per event so a newcomer sees each answer reach "Stream".
import http from 'node:http';
import type { Config } from '../core/config/schema.js';
import { verifyBodySignature } from '../core/stream/protocol/signature.js';

export interface FakeStreamCloud {
  url: string;
  close(): Promise<void>;
}

/** What one event says, in one line: its type and the order or location it is about. */
function describe(json: unknown): string {
  const event = json as {
    type?: string;
    event?: string;
    object?: Record<string, unknown>;
    data?: { order?: Record<string, unknown> };
  };
  const type = event.type ?? event.event ?? 'unknown event';
  const object = event.object ?? event.data?.order ?? {};
  const text = (v: unknown): string | null =>
    typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  const about =
    text(object.provider_id) ??
    text(object.order_id) ??
    text(object.id) ??
    text(object.location_id) ??
    text(object.idempotency_key);
  const prep = text(object.prep_time_minutes);
  const extra = [text(object.status), prep && `prep ${prep} min`].filter(Boolean).join(', ');
  return `${type}${about ? ` ${about}` : ''}${extra ? ` (${extra})` : ''}`;
}

export async function startFakeStreamCloud(
  stream: Config['stream'],
  print: (line: string) => void = (line) => console.log(line),
): Promise<FakeStreamCloud> {
  if (!stream.apiUrl || !stream.partnerSlug || !stream.webhookSecret)
    throw new Error(
      'demo.fakeStreamCloud needs stream.apiUrl, stream.partnerSlug and stream.webhookSecret',
    );
  const base = new URL(stream.apiUrl);
  if (base.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname))
    throw new Error(
      'demo.fakeStreamCloud only listens on loopback (stream.apiUrl http://127.0.0.1:…)',
    );
  const secret = stream.webhookSecret;
  const webhook = `${base.pathname.replace(/\/$/, '')}/pos/${encodeURIComponent(stream.partnerSlug)}/webhook`;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method !== 'POST' || req.url !== webhook) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
        return;
      }
      const signature = req.headers['stream-webhook-signature'];
      if (
        !verifyBodySignature(secret, body, typeof signature === 'string' ? signature : undefined)
      ) {
        print('[fake Stream] ✗ refused an event with a bad signature (401)');
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad_signature"}');
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad_json"}');
        return;
      }
      print(
        `[fake Stream] ✓ ${describe(json)} (signature ok, key ${String(req.headers['idempotency-key'])})`,
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(base.port || 80), base.hostname.replace(/^\[|\]$/g, ''), resolve);
  });
  const url = `http://${base.host}`;
  print(`[fake Stream] the demo's Stream cloud listens at ${url} (events to ${webhook})`);
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
