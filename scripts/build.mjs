// Bundles the client, the language server, the CLI and the benchmark with esbuild, and copies the
// tree-sitter wasm files beside them (the engine receives their bytes; it never reads files).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const out = 'dist';
mkdirSync(out, { recursive: true });
// web-tree-sitter's ESM entry needs import.meta.url, which a CJS bundle lacks: bundle its CJS entry.
const alias = { 'web-tree-sitter': require.resolve('web-tree-sitter') };
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', alias };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${out}/client.js`, external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${out}/server.js` }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: `${out}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: `${out}/bench.js` }),
]);
chmodSync(`${out}/cli.js`, 0o755);
copyFileSync(join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'), `${out}/web-tree-sitter.wasm`);
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), `${out}/tree-sitter-python.wasm`);
