import js from '@eslint/js';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may import. The README's architecture section lists the same
 * rules; src/architecture.test.ts plants each forbidden import in a temporary file and checks
 * that lint refuses it.
 */
const ELEMENTS = [
  { type: 'engine', pattern: 'src/engine' },
  { type: 'worker', pattern: 'src/worker' },
  { type: 'sandbox', pattern: 'src/sandbox' },
  { type: 'cli', pattern: 'src/cli' },
  { type: 'store', pattern: 'src/store' },
  { type: 'app', pattern: 'src/app' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'ui', pattern: 'src/ui' },
  { type: 'charts', pattern: 'src/charts' },
  { type: 'lib', pattern: 'src/lib' },
];

/**
 * A feature's public entry points: index.ts (its panels), and content/index.ts for the learning
 * content (lessons, challenges) that the store's learn slice reads without any UI.
 */
const FEATURE_ENTRY = {
  element: { type: 'feature', fileInternalPath: ['index.ts', 'content/index.ts'] },
};

/**
 * What the page may take from the sandbox layer: data and types that load no QuickJS (templates,
 * the API reference, the exercises' statements, error and report shapes). The sandbox itself runs
 * in the worker and the CLI.
 */
const SANDBOX_DATA = {
  element: {
    type: 'sandbox',
    fileInternalPath: [
      'templates.ts',
      'apiReference.ts',
      'sandboxError.ts',
      'exercises/catalog.ts',
      'exercises/exerciseCode.ts',
      'exercises/gradeReport.ts',
    ],
  },
};

const to = (...types) => ({ to: { element: { types: types.length === 1 ? types[0] : types } } });
const allow = (from, ...targets) => ({
  from: { element: { type: from } },
  allow: targets.map((t) => (typeof t === 'string' ? to(t) : t)),
});

/** Layer rules: anything not allowed here is refused, with the message saying which rule. */
const LAYERS = {
  default: 'disallow',
  message:
    '{{ from.element.type }} may not import {{ to.element.type }} ({{ dependency.source }}): ' +
    'see the layer rules in eslint.config.js and the README’s architecture section.',
  policies: [
    // The engine is pure simulation: it runs unchanged in Node, the worker and tests.
    allow('engine', 'engine'),
    // User strategies run in QuickJS; the sandbox adapts them to the engine's Strategy.
    allow('sandbox', 'sandbox', 'engine'),
    // The worker is the comlink boundary around the engine; it knows nothing of the page.
    allow('worker', 'worker', 'engine', 'sandbox', 'lib'),
    // The CLI prints the page's config exports (`--config`): pure functions, no UI.
    allow('cli', 'cli', 'engine', 'worker', 'sandbox', 'lib', {
      to: {
        element: {
          type: 'feature',
          captured: { feature: 'exports' },
          fileInternalPath: 'config/**',
        },
      },
    }),
    allow('lib', 'lib', 'engine'),
    allow('charts', 'charts', 'lib'),
    allow('ui', 'ui', 'lib', 'store', 'engine'),
    // The store talks to the worker (simClient and the protocol's types) and knows no UI; it
    // reads the learning content's types only (app/pageStore.ts hands it the content itself).
    allow(
      'store',
      'store',
      'lib',
      'engine',
      'worker',
      { to: SANDBOX_DATA },
      { to: FEATURE_ENTRY, dependency: { kind: 'type' } },
    ),
    // A feature uses the shared layers, its own files, and other features through index.ts.
    allow(
      'feature',
      'ui',
      'charts',
      'lib',
      'store',
      'engine',
      { to: { element: { type: 'worker', fileInternalPath: 'protocol.ts' } } },
      { to: SANDBOX_DATA },
      { to: { element: { type: 'feature' } }, dependency: { relationship: { to: 'internal' } } },
      { to: FEATURE_ENTRY },
    ),
    // The app shell lays out the features; app/pageStore.ts, the composition root, builds the
    // store with the worker clients and the learning content.
    allow(
      'app',
      'app',
      'ui',
      'lib',
      'store',
      { to: FEATURE_ENTRY },
      { to: { element: { type: 'worker', fileInternalPath: 'simClient.ts' } } },
      { to: { element: { type: 'worker', fileInternalPath: 'sweepClient.ts' } } },
    ),
  ],
};

const restrict = (paths, patterns = []) => ['error', { paths, patterns }];
const QUICKJS_MESSAGE = 'QuickJS belongs in src/sandbox (the worker loads its .wasm by URL only).';
const QUICKJS = { group: ['quickjs-emscripten*', '@jitl/*'], message: QUICKJS_MESSAGE };
/** The worker may import the .wasm's URL (`…/wasm?url`), nothing else of QuickJS. */
const QUICKJS_CODE = [
  { name: '@jitl/quickjs-wasmfile-release-sync', message: QUICKJS_MESSAGE },
  { name: '@jitl/quickjs-ffi-types', message: QUICKJS_MESSAGE },
];
const COMLINK = { name: 'comlink', message: 'comlink belongs in src/worker only.' };
const ZUSTAND = {
  name: 'zustand',
  message: 'zustand belongs in src/store: use the hooks from src/store/hooks.ts.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/legacy-templates': false,
      // Tests may reach across layers to build fixtures (a store test runs a real session).
      'boundaries/ignore': ['src/**/*.test.ts', 'src/**/testing/**'],
    },
    rules: { 'boundaries/dependencies': ['error', LAYERS] },
  },
  {
    // Packages by layer: comlink only in the worker, zustand only in the store.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/worker/**', 'src/store/**', 'src/sandbox/**'],
    rules: { 'no-restricted-imports': restrict([COMLINK, ZUSTAND], [QUICKJS]) },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([COMLINK], [QUICKJS]) },
  },
  {
    files: ['src/worker/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [ZUSTAND, ...QUICKJS_CODE],
        [{ group: ['quickjs-emscripten*'], message: QUICKJS_MESSAGE }],
      ),
    },
  },
  {
    files: ['src/sandbox/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([COMLINK, ZUSTAND]) },
  },
  {
    // The page never loads zod or the schema: the worker checks everything. Types are fine.
    files: ['src/{store,app,features,ui,charts,lib}/**/*.{ts,tsx}', 'src/main.tsx'],
    // Tests and their helpers check page code against the real schema.
    ignores: ['src/**/*.test.ts', 'src/**/testing.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: 'The page does not load zod: the worker validates.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['**/engine/scenario/schema.ts', '**/engine/scenario/fields.ts'],
              message:
                'The page may import the schema’s types only: limits and defaults are in ' +
                'src/engine/scenario/limits.ts, validation happens in the worker.',
              allowTypeImports: true,
            },
            {
              group: ['**/engine/scenario/sweepSchema.ts', '**/engine/sweep/loadSweep.ts'],
              message:
                'Sweep files are read in a worker (loadSweep loads zod); the page gets the plan ' +
                'or the problems back.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure simulation: it runs in Node, the worker and tests alike.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { name: 'react', message: 'The engine is UI-free; React belongs in the page.' },
          COMLINK,
          ZUSTAND,
        ],
        [
          {
            group: ['d3-*', 'node:*'],
            message: 'The engine must run unchanged in Node and the worker.',
          },
          QUICKJS,
        ],
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'setTimeout',
        'setInterval',
        'performance',
      ],
    },
  },
  {
    // zod stays inside the schema's own files.
    files: ['src/engine/**/*.ts'],
    ignores: [
      'src/engine/scenario/schema.ts',
      'src/engine/scenario/sweepSchema.ts',
      'src/engine/scenario/fields.ts',
      'src/engine/scenario/problems.ts',
      // The overload-control fields' part of the schema (issue 15).
      'src/engine/scenario/overloadSchema.ts',
      'src/engine/scenario/scalingSchema.ts',
      'src/engine/**/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                'zod belongs in src/engine/scenario/schema.ts and sweepSchema.ts (and fields.ts).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
