// Builds the cashier UI for an e2e run into a fresh temporary folder, so the tests always drive
// the current source (never a stale renderer/dist) and parallel test files never share output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const configFile = path.resolve(import.meta.dirname, '../../../renderer/vite.config.ts');

export interface BuiltUi {
  dir: string;
  remove(): void;
}

export async function buildUi(): Promise<BuiltUi> {
  const dir = mkdtempSync(path.join(tmpdir(), 'connector-ui-'));
  // Vitest sets NODE_ENV=test, and Vite then bundles React's development build (twice the size,
  // slower): build the way `npm run build:ui` does, then put the test environment back.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile,
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The UI for an e2e test: the run's one build (global-setup.ts) inside vitest, else a build of
 * its own (scripts run with tsx). Removing the shared build is the global teardown's job.
 */
export async function uiForTest(): Promise<BuiltUi> {
  if (process.env.VITEST) {
    const { inject } = await import('vitest');
    const dir = inject('e2eUiDir');
    if (dir) return { dir, remove: () => undefined };
  }
  return buildUi();
}
