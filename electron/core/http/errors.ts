// One error policy for both listeners, from the contract's one mapping (shared/contract/errors.ts):
// every refusal has a status code and a reason; a locked or full database is a retryable 503,
// never a 500; a real bug is a 500 with no detail leaked.
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  BUSY,
  errorBody,
  INTERNAL,
  problemFor,
  RETRY_AFTER_SECONDS,
  type ApiProblem,
} from '../../../shared/contract.js';
import type { Logger } from '../util/log.js';

export { errorBody, zodProblem } from '../../../shared/contract.js';

/** Told of every storage fault a request hit and every write that went through (storage-health.ts). */
export interface StorageWatch {
  noteError(err: unknown): void;
  noteWriteOk(): void;
}

export function installErrorHandler(
  app: FastifyInstance,
  log: Logger,
  storage?: StorageWatch,
): void {
  if (storage)
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && reply.statusCode < 400) storage.noteWriteOk();
    });
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    const known = problemFor(err);
    if (known) {
      storage?.noteError(err);
      const retryAfter = RETRY_AFTER_SECONDS[known.code];
      if (retryAfter !== undefined) {
        // A busy database clears by itself; a full or failing disk needs someone.
        log[known === BUSY ? 'warn' : 'error'](`${known.code}: answered ${known.status}`, {
          url: request.routeOptions.url,
          code: (err as { code?: string }).code,
        });
        void reply.header('Retry-After', String(retryAfter));
      }
      return send(reply, known);
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (err as FastifyError).code ?? 'bad_request';
      return reply.code(status).send(errorBody(fastifyCode(code), err.message));
    }
    log.error('unexpected error', { url: request.routeOptions.url, err });
    return send(reply, INTERNAL);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

function send(reply: { code(status: number): { send(body: unknown): unknown } }, p: ApiProblem) {
  return reply.code(p.status).send(errorBody(p.code, p.message, p.field));
}

function fastifyCode(code: string): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'invalid_content_length';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'empty_body';
    default:
      return code.startsWith('FST_') ? 'bad_request' : code;
  }
}
