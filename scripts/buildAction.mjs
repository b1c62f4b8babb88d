// `npm run build:action`: the GitHub Action's bundle, committed in action/dist/ as JavaScript actions
// ship their dist/ (action.yml runs it; no install or build per run). The CLI minified (no source map),
// licences kept at its end, and the two wasm files it reads from beside it. esbuild's output is a
// function of the sources, the lock file and the docs it bundles: test/package/actionBundle.test.ts
// builds it again into a temporary folder (`node scripts/buildAction.mjs DIR`) and fails when the
// committed one differs, so a change of the sources needs this command once more.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliEntry, copyWasm, nodeBundle } from './bundleOptions.mjs';

const out = process.argv[2] ?? join('action', 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  ...nodeBundle,
  ...cliEntry,
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  outfile: join(out, 'cli.js'),
});
chmodSync(join(out, 'cli.js'), 0o755);
copyWasm(out);
