// Bundles the client, the language server, the web extension's client and worker server, the CLI, the benchmark and the Overview webview (a browser
// bundle with dagre, plus its stylesheet, in dist/webview/) with esbuild, and copies the tree-sitter
// wasm files beside them (the engine receives their bytes; it never reads files). The options they
// share with the Action's bundle (scripts/buildAction.mjs) are in scripts/bundleOptions.mjs.
// Outputs are written to a staging folder and renamed into dist/, so a server spawned while a build
// runs never reads a half-written bundle.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { browserBundle, cliEntry, copyWasm, nodeBundle } from './bundleOptions.mjs';

const out = 'dist';
mkdirSync(out, { recursive: true });
const stage = mkdtempSync(join(out, '.staging-'));
const common = { ...nodeBundle, sourcemap: true };
try {
  await Promise.all([
    build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${stage}/client.js`, external: ['vscode'] }),
    build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${stage}/server.js` }),
    build({ ...common, ...cliEntry, outfile: `${stage}/cli.js` }),
    // The web extension: its client (CommonJS, as the web extension host loads it) and its server, a web worker.
    build({
      ...browserBundle,
      sourcemap: true,
      format: 'cjs',
      entryPoints: ['client/src/browserExtension.ts'],
      outfile: `${stage}/browserClient.js`,
      external: ['vscode'],
    }),
    build({
      ...browserBundle,
      sourcemap: true,
      format: 'iife',
      entryPoints: ['server/src/lsp/browserMain.ts'],
      outfile: `${stage}/browserServer.js`,
    }),
    build({ ...common, entryPoints: ['bench/run.ts'], outfile: `${stage}/bench.js` }),
    build({ ...common, entryPoints: ['bench/peers.ts'], outfile: `${stage}/benchPeers.js` }),
    build({ ...common, entryPoints: ['bench/serverAB.ts'], outfile: `${stage}/benchAB.js` }),
    build({ ...common, entryPoints: ['bench/cliCache.ts'], outfile: `${stage}/benchCache.js` }),
    build({ ...common, entryPoints: ['bench/daemonFirst.ts'], outfile: `${stage}/benchDaemon.js` }),
    build({ ...common, entryPoints: ['bench/serverCache.ts'], outfile: `${stage}/benchServerCache.js` }),
    build({ ...common, entryPoints: ['bench/environment.ts'], outfile: `${stage}/benchEnv.js` }),
    build({
      entryPoints: ['client/webview/main.ts'],
      outfile: `${stage}/webview/main.js`,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ]);
  copyFileSync('client/webview/style.css', `${stage}/webview/style.css`);
  chmodSync(`${stage}/cli.js`, 0o755);
  copyWasm(stage);
  for (const name of readdirSync(stage)) {
    if (name === 'webview') rmSync(join(out, name), { recursive: true, force: true }); // a directory is not replaced by rename
    renameSync(join(stage, name), join(out, name));
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
