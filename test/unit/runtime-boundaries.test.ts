// The runtime boundaries are enforced by the compiler and lint, not by memory: a sample that
// crosses one must fail the same checks `npm run check` runs. Each sample is compiled with the
// real project's tsconfig (extended, with the sample as its only file) or linted with the real
// boundary rules, and the failure asserted is the one that names the crossing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeBoundaries } from '../../eslint.boundaries.js';

const repo = path.resolve(import.meta.dirname, '../..');
const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
// Inside the repo (so the sample is an ES module and finds node_modules), under the git-ignored
// build folder that no project includes.
const samples = path.join(repo, '.tsbuild/boundary-samples');
mkdirSync(samples, { recursive: true });
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Compiles `source` as the only file of a project extending `project`'s tsconfig.json. */
function compile(project: string, source: string): string {
  const dir = mkdtempSync(path.join(samples, 'sample-'));
  made.push(dir);
  const sample = path.join(dir, 'sample.ts');
  writeFileSync(sample, source);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(repo, project, 'tsconfig.json'),
      compilerOptions: {
        rootDir: '/',
        outDir: path.join(dir, 'out'),
        tsBuildInfoFile: path.join(dir, 'out/sample.tsbuildinfo'),
      },
      files: [sample],
      include: [],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  }
}

async function lint(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: repo,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@typescript-eslint': tseslint.plugin },
      },
      ...runtimeBoundaries,
    ],
  });
  const [result] = await eslint.lintText(source, { filePath: path.join(repo, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// Each compile is a tsc process (seconds, more on a loaded machine).
describe('the compiler enforces each runtime', { timeout: 240_000 }, () => {
  it('a shared/ file using Buffer does not compile (no Node types)', () => {
    const out = compile('shared', 'export const bytes = Buffer.from("x").length;\n');
    expect(out).toMatch(/sample\.ts.*error TS2591: Cannot find name 'Buffer'/);
  });

  it('a shared/ file using window does not compile (no DOM)', () => {
    const out = compile('shared', 'export const width = window.innerWidth;\n');
    expect(out).toMatch(/sample\.ts.*error TS2304: Cannot find name 'window'/);
  });

  it('electron/main importing renderer/ does not compile (not a referenced project)', () => {
    const target = path.join(repo, 'renderer/src/i18n/language.js');
    const out = compile('electron/main', `export * from '${target}';\n`);
    expect(out).toMatch(/error TS6307: File '.*renderer\/src\/i18n\/language\.ts' is not listed/);
  });

  it('the same samples compile where their runtime has them (the check is not vacuous)', () => {
    expect(compile('electron/core', 'export const bytes = Buffer.from("x").length;\n')).toBe('');
    expect(compile('renderer', 'export const width = window.innerWidth;\n')).toBe('');
  });
});

describe('lint says which boundary an import crosses', () => {
  it('core/ importing electron-log fails', async () => {
    const messages = await lint(
      'electron/core/orders/sample.ts',
      "import log from 'electron-log/main';\nexport const logger = log;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*core\/ never imports electron/),
    ]);
  });

  it('electron/main importing renderer/ fails', async () => {
    const messages = await lint(
      'electron/main/sample.ts',
      "import { t } from '../../renderer/src/i18n/texts.js';\nexport const text = t;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*loads the renderer as files/),
    ]);
  });

  it('the preload importing core/ fails', async () => {
    const messages = await lint(
      'electron/preload/sample.ts',
      "import { createConnector } from '../core/app.js';\nexport const start = createConnector;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/no-restricted-imports: .*sandboxed preload/)]);
  });

  it('electron/main importing a core module other than its door fails', async () => {
    const messages = await lint(
      'electron/main/sample.ts',
      "import { integrityCheck } from '../core/db/connection.js';\nexport const check = integrityCheck;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /^no-restricted-imports: .*only through electron\/core\/shell-door\.ts/,
      ),
    ]);
    const typeOnly = await lint(
      'electron/main/sample.ts',
      "import type { Connector } from '../core/app.js';\nexport type C = Connector;\n",
    );
    expect(typeOnly).toEqual([expect.stringMatching(/^no-restricted-imports: .*shell-door/)]);
  });

  it("electron/main reaching into a connector's ctx fails, even through the door's types", async () => {
    const messages = await lint(
      'electron/main/sample.ts',
      "import type { Connector } from '../core/shell-door.js';\n" +
        'export const open = (c: Connector) => c.ctx.orders.openCounts().open;\n',
    );
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-syntax: .*internals \(ctx\)/)]);
  });

  it('electron/main importing the door passes', async () => {
    const messages = await lint(
      'electron/main/sample.ts',
      "import { shellDoor, type ShellDoor } from '../core/shell-door.js';\n" +
        'export const door: (c: Parameters<typeof shellDoor>[0]) => ShellDoor = shellDoor;\n',
    );
    expect(messages).toEqual([]);
  });

  it('core/ importing shared/ passes', async () => {
    const messages = await lint(
      'electron/core/orders/sample.ts',
      "import type { OrderStatus } from '../../../shared/order.js';\nexport type S = OrderStatus;\n",
    );
    expect(messages).toEqual([]);
  });

  it('features/orders/ importing the store screen fails (the orders → store cycle)', async () => {
    const messages = await lint(
      'renderer/src/features/orders/Sample.tsx',
      "import { PIN_SETUP } from '../store/texts.js';\nexport const words = PIN_SETUP;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /no-restricted-imports: .*features\/orders\/ does not import another screen/,
      ),
    ]);
  });

  it('another feature importing features/orders/ fails, but its order store passes', async () => {
    const messages = await lint(
      'renderer/src/features/alerts/sample.ts',
      "import { explain } from '../orders/actions.js';\nexport const say = explain;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(/no-restricted-imports: .*features\/orders\/ is a screen, not the kit/),
    ]);
    const store = await lint(
      'renderer/src/features/alerts/sample.ts',
      "import { lanesOf } from '../orders/live-orders.js';\nexport const lanes = lanesOf;\n",
    );
    expect(store).toEqual([]);
  });

  it('the kit (renderer/src/ui/) importing a feature fails', async () => {
    const messages = await lint(
      'renderer/src/ui/sample.ts',
      "import { MISSED_TEXTS } from '../features/missed/texts.js';\nexport const words = MISSED_TEXTS;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(/no-restricted-imports: .*ui\/ is the kit every feature uses/),
    ]);
  });
});
