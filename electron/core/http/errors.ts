// One error policy for both listeners: every refusal has a status code and a reason; a locked or
// full database is a retryable 503, never a 500; a real bug is a 500 with no detail leaked.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ApiError, isBusyError, isStorageError } from '../util/errors.js';
import type { Logger } from '../util/log.js';

export function errorBody(code: string, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } };
}

/** The first schema problem as "field: message", naming the field a caller must fix. */
export function zodProblem(error: z.ZodError, prefix: string): ApiError {
  const issue = error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.join(', ')}`
      : issue.message;
  return new ApiError(
    400,
    'invalid_request',
    `${field || '(body)'}: ${message}`,
    field || undefined,
  );
}

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
  app.setErrorHandler((err: FastifyError | ApiError | Error, request, reply) => {
    if (err instanceof ApiError)
      return reply.code(err.status).send(errorBody(err.code, err.message, err.field));
    if (isBusyError(err)) {
      log.warn('database busy: answered 503', { url: request.routeOptions.url });
      return reply
        .code(503)
        .header('Retry-After', '2')
        .send(errorBody('busy', 'the database is busy; retry shortly'));
    }
    if (isStorageError(err)) {
      storage?.noteError(err);
      log.error('storage failure: answered 503', {
        url: request.routeOptions.url,
        code: (err as { code?: string }).code,
      });
      return reply
        .code(503)
        .header('Retry-After', '10')
        .send(errorBody('storage_unavailable', 'the order could not be stored; retry later'));
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (err as FastifyError).code ?? 'bad_request';
      return reply.code(status).send(errorBody(fastifyCode(code), err.message));
    }
    log.error('unexpected error', { url: request.routeOptions.url, err });
    return reply.code(500).send(errorBody('internal', 'internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
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
