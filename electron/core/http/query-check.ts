// Control characters (NUL, line breaks, escape …) are never part of a meaningful query value:
// refused on both listeners before any route runs, so a search or an export never passes them
// to SQLite, a CSV or a log line (a NUL in `q` used to end as a 500).
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The first query parameter whose name or value holds a control character, if any. */
export function controlCharacterIn(query: unknown): string | null {
  if (!query || typeof query !== 'object') return null;
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (CONTROL.test(name) || values.some((v) => typeof v === 'string' && CONTROL.test(v)))
      return name;
  }
  return null;
}

export function installQueryCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const name = controlCharacterIn(request.query);
    if (name === null) return;
    const shown = JSON.stringify(name.replace(new RegExp(CONTROL, 'g'), '?')).slice(0, 60);
    return reply
      .code(400)
      .send(
        errorBody(
          'invalid_query',
          `query parameter ${shown}: control characters (such as NUL or a line break) are not allowed`,
          `query.${name}`,
        ),
      );
  });
}
