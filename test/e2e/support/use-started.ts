// The hooks every e2e file needs around the thing it drives: start it (and seed it) before the
// file's tests, close it after them, whatever got started. Called inside a `describe`, so the
// hooks belong to that block; what it returns reads the started thing from inside a test.
import { afterAll, beforeAll } from 'vitest';

/** Set-up budget: a UI build, a connector and a browser on a loaded two-core machine. */
export const SETUP_TIMEOUT_MS = 60_000;

export function useStarted<T extends { close(): Promise<void> }>(
  what: string,
  start: () => Promise<T>,
  seed?: (started: T) => Promise<void>,
  timeoutMs = SETUP_TIMEOUT_MS,
): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
    // Assigned before seeding: a seed that fails still has its counter closed after.
    await seed?.(started);
  }, timeoutMs);
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw new Error(`the ${what} is not started: read it inside a test or hook`);
    return started;
  };
}
