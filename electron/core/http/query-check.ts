// Control characters in any query string, on both listeners, refused before any route runs (a
// NUL in `q` used to end as a 500); the rule itself is the API's (api/call-input.ts), which the
// IPC bridge applies to its calls' query parts too.
import type { FastifyInstance } from 'fastify';
import { controlCharacterProblem } from '../api/call-input.js';
import { errorBody } from './errors.js';

export function installQueryCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const problem = controlCharacterProblem(request.query);
    if (!problem) return;
    return reply.code(problem.status).send(errorBody(problem.code, problem.message, problem.field));
  });
}
