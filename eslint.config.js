import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (paths, patterns = []) => ['error', { paths, patterns }];

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
    ignores: ['src/worker/**'],
    rules: {
      'no-restricted-imports': restrict([
        { name: 'comlink', message: 'comlink belongs in src/worker only.' },
      ]),
    },
  },
  {
    // The engine is pure simulation: it runs in Node, the worker and tests alike.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { name: 'react', message: 'The engine is UI-free; React belongs in src/components.' },
          { name: 'comlink', message: 'comlink belongs in src/worker only.' },
          { name: 'zustand', message: 'zustand belongs in src/store only.' },
        ],
        [
          {
            group: ['d3-*', 'node:*'],
            message: 'The engine must run unchanged in Node and the worker.',
          },
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
    files: ['src/components/**/*.{ts,tsx}', 'src/charts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { name: 'zustand', message: 'Use the hooks exported from src/store.' },
        { name: 'comlink', message: 'comlink belongs in src/worker only.' },
      ]),
    },
  },
);
