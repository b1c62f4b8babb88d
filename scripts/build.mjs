// Bundles the client, the language server, the CLI, the benchmark and the Overview webview (a browser
// bundle with dagre, plus its stylesheet, in dist/webview/) with esbuild, and copies the tree-sitter
// wasm files beside them (the engine receives their bytes; it never reads files). A markdown page a
// module imports is bundled as its text (the CLI's SARIF help is docs/diagnostics.md).
// Outputs are written to a staging folder and renamed into dist/, so a server spawned while a build
// runs never reads a half-written bundle.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const out = 'dist';
mkdirSync(out, { recursive: true });
const stage = mkdtempSync(join(out, '.staging-'));
// web-tree-sitter's ESM entry needs import.meta.url, which a CJS bundle lacks: bundle its CJS entry.
// jsonc-parser's `main` is a UMD module whose requires esbuild cannot follow: bundle its ESM entry.
const alias = {
  'web-tree-sitter': require.resolve('web-tree-sitter'),
  'jsonc-parser': join(dirname(require.resolve('jsonc-parser')), '..', 'esm', 'main.js'),
};
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', alias, loader: { '.md': 'text' } };
try {
  await Promise.all([
    build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${stage}/client.js`, external: ['vscode'] }),
    build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${stage}/server.js` }),
    build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: `${stage}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
    build({ ...common, entryPoints: ['bench/run.ts'], outfile: `${stage}/bench.js` }),
    build({ ...common, entryPoints: ['bench/peers.ts'], outfile: `${stage}/benchPeers.js` }),
    build({ ...common, entryPoints: ['bench/serverAB.ts'], outfile: `${stage}/benchAB.js` }),
    build({
      entryPoints: ['client/webview/main.ts'], outfile: `${stage}/webview/main.js`, bundle: true, platform: 'browser',
      format: 'iife', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning',
    }),
  ]);
  copyFileSync('client/webview/style.css', `${stage}/webview/style.css`);
  chmodSync(`${stage}/cli.js`, 0o755);
  copyFileSync(join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'), `${stage}/web-tree-sitter.wasm`);
  copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), `${stage}/tree-sitter-python.wasm`);
  for (const name of readdirSync(stage)) {
    if (name === 'webview') rmSync(join(out, name), { recursive: true, force: true }); // a directory is not replaced by rename
    renameSync(join(stage, name), join(out, name));
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
