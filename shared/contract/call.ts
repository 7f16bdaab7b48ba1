// What one Local API call is: method, path, the schemas of its parts and of its answer. Every
// edge (Fastify routes, IPC dispatch, the renderer client, the catalog CLI) reads calls through
// this one type.
import type { z } from 'zod';

export type CallMethod = 'GET' | 'POST' | 'PUT';

export interface CallSpec {
  method: CallMethod;
  /** Express-style path; `:name` segments are the `params`. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Manager-only: the caller sends the manager PIN (`X-Manager-Pin`); missing or wrong → 403. */
  manager?: boolean;
  /** Only through the desktop bridge (the counter's own window): the HTTP listener has no route
   * for it, so nothing that reaches the Local API over the network can call it. */
  counterOnly?: boolean;
  /** The response may be a `FileDownload`, sent over HTTP as the file itself (e.g. CSV). */
  downloads?: boolean;
}

/** Declares one call; keeps its literal type so requests and answers are typed per call. */
export function call<const S extends CallSpec>(spec: S): S {
  return spec;
}
