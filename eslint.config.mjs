// Lint configuration: typescript-eslint's type-checked rules (through the `typescript` 6 API; the type
// check itself runs on TypeScript 7) catch what review used to catch: floating promises, unused code.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'action/dist/',
      'examples/',
      'out/',
      'release/',
      'test-results/',
      'bench/.generated/',
      '.vscode-test/',
      'fuzz-failures/',
      '**/*.js',
      '**/*.cjs',
      // declarations copied as they are from VS Code's vscode.d.ts (deleted when @types/vscode catches up)
      'client/src/vscodeLanguageModelTools.d.ts',
      // mistakes planted for test/package/lint.test.ts, which lints them with this configuration
      'test/package/lint/',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // the engine matches and escapes control characters on purpose (YAML, Python and terminal text)
      'no-control-regex': 'off',
      // its fixes broke the type check (`a ?? b[0] as T` under noUncheckedIndexedAccess): 5 of 42 findings
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // a family's functions (read, layout) never use `this`; the engine compares them as identities
      '@typescript-eslint/unbound-method': 'off',
      // `_`-free: a rest pattern drops the properties named beside it on purpose
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // a caught value is passed on as it is
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // Prettier wraps code at 120 but never breaks a string, template literal or comment: a long message
    // would otherwise creep past the width unseen. (The core rule is deprecated, available until ESLint 11;
    // @stylistic/max-len takes the same options.)
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: { 'max-len': ['error', { code: 120 }] },
  },
  {
    // Every pattern the server applies may see repository text: one that backtracks super-linearly is a hang that a
    // cloned repository can cause. regexp's recommended rules, with its two super-linearity rules as errors
    // (test/arch/regexLint.test.ts checks they fire; test/arch/redos.test.ts gives every pattern to recheck besides).
    files: ['server/src/**/*.ts'],
    extends: [regexp.configs.recommended],
    rules: {
      // as above: control characters are matched and escaped on purpose
      'no-control-regex': 'off',
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // a family's folder kept as a fixture: its imports resolve only where test/families/toy/addFamily.test.ts drops it
    // (server/src/engine/families/toy/), which type-checks it there; linted here without types, at 120 columns
    files: ['test/families/toy/folder/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { 'max-len': ['error', { code: 120 }] },
  },
  {
    // tsconfig.json leaves the webview tests to the webview's own project (DOM types)
    files: ['test/webview/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['client/webview/tsconfig.json'] } },
  },
  {
    // tests, benchmarks and scripts read JSON from tools and child processes and print whatever they get;
    // their assertions check the shapes (the rules below stay on in server/src and client)
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // mocha hooks and tests are async for uniformity; one without an await is harmless
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // scripts run by Node outside any tsconfig: no type information, so no type-checked rules
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // they mix Node, mocha and browser code (page.evaluate callbacks): no one set of globals fits them all
    rules: { 'no-undef': 'off' },
  },
);
