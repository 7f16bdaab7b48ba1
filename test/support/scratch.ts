// Scratch folders for tests: made under the system temp folder and removed when the test file
// is done (or, in a benchmark or script run with tsx, when the process exits), so a run leaves
// nothing behind (CI machines run the suite many times).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

function removeAll(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Cleanup only: a folder still busy (a mount left behind) stays for the OS to clear.
    }
  }
}

if (process.env.VITEST) {
  // Once per test file (each file loads its own copy of this module). After hooks run
  // last-registered first, so this runs after the file's own: a test that mounted something
  // in its folder has unmounted it by then.
  const { afterAll } = await import('vitest');
  afterAll(removeAll);
} else process.once('exit', removeAll);

/** A new empty folder, removed after the test file's last test (or at exit outside vitest). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
