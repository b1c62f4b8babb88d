// Lint configuration: typescript-eslint's type-checked rules (through the `typescript` 6 API; the type
// check itself runs on TypeScript 7) catch what review used to catch: floating promises, unused code.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
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
    ],
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // the engine matches and escapes control characters on purpose (YAML, Python and terminal text)
      'no-control-regex': 'off',
    },
  },
  {
    // tsconfig.json leaves the webview tests to the webview's own project (DOM types)
    files: ['test/webview/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['client/webview/tsconfig.json'] } },
  },
  {
    // scripts run by Node outside any tsconfig: no type information, so no type-checked rules
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // they mix Node, mocha and browser code (page.evaluate callbacks): no one set of globals fits them all
    rules: { 'no-undef': 'off' },
  },
);
