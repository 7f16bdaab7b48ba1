// Which runtime may import what: the house plan's dependency direction (main → core → shared;
// preload → shared; renderer → shared + the preload's bridge types). The compiler enforces the
// same (one tsconfig per runtime, project references); these rules say it in words at the import.
// Kept apart from eslint.config.js so test/unit/runtime-boundaries.test.ts lints samples with
// exactly these rules.

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'net', 'child_process'];
const electronPackages = ['electron', 'electron/*', 'electron-*', 'electron-*/*', '@electron/*'];

const rendererPatterns = [
  { group: nodeBuiltins, message: 'the renderer is a browser page: no Node imports.' },
  {
    group: ['**/electron/**', 'electron'],
    message: 'the renderer talks to the core only through the shared contract.',
  },
];

export const runtimeBoundaries = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is runtime-neutral: no Node imports.' },
            {
              group: ['electron', 'react', 'react-dom', 'fastify', 'better-sqlite3'],
              message: 'shared/ imports no runtime.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ depends on nothing in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/core/**/*.ts',
      'electron/demo/**/*.ts',
      'electron/headless.ts',
      'electron/restore.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: electronPackages,
              message:
                'core/ never imports electron or electron-* packages: it runs headless too (log through the injected Logger).',
            },
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'core/ depends only on shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'electron/main loads the renderer as files, never imports it.',
            },
            {
              group: ['react', 'react-dom', 'react-dom/*'],
              message: 'electron/main is wiring only: no UI code.',
            },
            {
              group: ['**/core/**', '!**/core/shell-door.js'],
              message:
                'electron/main reaches the core only through electron/core/shell-door.ts (its one door).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='ctx']",
          message:
            "electron/main does not reach into a connector's internals (ctx): use what shellDoor offers.",
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts', 'electron/preload/**/*.cts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/renderer/**'],
              message:
                'the sandboxed preload loads only electron; it sees shared/ types and nothing else.',
            },
            {
              group: [...nodeBuiltins, 'electron-*', 'electron-*/*'],
              message: 'the sandboxed preload can load no module but electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // The renderer's view of window.connector is the bridge type the preload is checked
      // against (shared/contract/bridge.ts), never a copy, and no electron/ code is reachable.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['**/features/**'],
              message: 'renderer/src/ui/ is the kit every feature uses: it imports no feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // features/orders/ was the common kit, and store/ and alerts/ imported it while it imported
    // them: the shared pieces now live in renderer/src/ui/, and the edges that made the cycles
    // stay cut.
    files: ['renderer/src/features/orders/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['../store/*', '../alerts/*', '../instore/*', '../history/*', '../health/*'],
              message:
                'features/orders/ does not import another screen (that made cycles): a shared piece goes in renderer/src/ui/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    ignores: ['renderer/src/features/orders/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['../orders/*', '!../orders/live-orders.js'],
              message:
                'features/orders/ is a screen, not the kit: formats, labels, explain, the PIN keypad and the like are in renderer/src/ui/.',
            },
          ],
        },
      ],
    },
  },
  {
    // A component's words come from useTexts (i18n/context.ts): it reads the language context, so
    // a language switch re-renders the component. A bare texts() call would not (issue 13).
    files: ['renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='texts']",
          message: 'a component takes its words from useTexts(SET), not texts(SET).',
        },
      ],
    },
  },
];
