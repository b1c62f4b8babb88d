// Bundles the in-editor test suite (test/extension/suite/*.ts) to out/test/extension/suite/*.js,
// CommonJS as the extension host loads it; `vscode` and `mocha` stay external.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const suite = join(here, 'suite');
await build({
  entryPoints: readdirSync(suite)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(suite, f)),
  outdir: join(root, 'out', 'test', 'extension', 'suite'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
