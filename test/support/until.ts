// Waits for a condition that another process or connection brings about (a store registering,
// a heartbeat arriving): polled, with a generous limit that only fails a test that is stuck.
export async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
