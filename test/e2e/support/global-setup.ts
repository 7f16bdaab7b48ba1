// Vitest global setup for the e2e project: the cashier UI is built once per test run, and every
// e2e file serves that same folder (read-only: the connector only serves it). A file run on its
// own still gets a fresh build of the current source, because this runs for every `vitest run`
// that includes an e2e file.
import type { TestProject } from 'vitest/node';
import { buildUi } from './ui-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the UI was built into for this run. */
    e2eUiDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const ui = await buildUi();
  project.provide('e2eUiDir', ui.dir);
  return () => ui.remove();
}
