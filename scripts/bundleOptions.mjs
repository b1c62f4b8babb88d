// What every Node bundle of Registry Lens shares (scripts/build.mjs for dist/, scripts/buildAction.mjs
// for the Action's committed bundle): esbuild's options and the tree-sitter wasm files the engine is
// handed as bytes (read from beside the bundle).
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// web-tree-sitter's ESM entry needs import.meta.url, which a CJS bundle lacks: bundle its CJS entry.
// jsonc-parser's `main` is a UMD module whose requires esbuild cannot follow: bundle its ESM entry.
const alias = {
  'web-tree-sitter': require.resolve('web-tree-sitter'),
  'jsonc-parser': join(dirname(require.resolve('jsonc-parser')), '..', 'esm', 'main.js'),
};

/** esbuild's options for a Node bundle; a markdown page a module imports is its text (the CLI's SARIF help). */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  logLevel: 'warning',
  alias,
  loader: { '.md': 'text' },
};

/**
 * esbuild's options for the web extension's bundles (a web worker's: no Node). Resolving a Node built-in (`node:fs`,
 * `path`) fails the build, as esbuild does for the browser platform; a package may still map one away (web-tree-sitter's
 * `browser` field does, for its Node-only loading the engine never takes: it is handed the wasm bytes).
 */
export const browserBundle = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
  alias,
  minify: true,
};

/** The CLI's entry and the line that makes its bundle an executable. */
export const cliEntry = { entryPoints: ['server/src/cli/main.ts'], banner: { js: '#!/usr/bin/env node' } };

/** Copies the tree-sitter runtime and the Python grammar into `dir`, beside the bundles that read them. */
export function copyWasm(dir) {
  const runtime = join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
  copyFileSync(runtime, join(dir, 'web-tree-sitter.wasm'));
  copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), join(dir, 'tree-sitter-python.wasm'));
}
