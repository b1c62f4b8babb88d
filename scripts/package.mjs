// `npm run package`: the .vsix, made by the pinned @vscode/vsce (package.json). vsce's stdout goes through
// a pipe: on a terminal vsce asks the npm registry for its latest version and advises upgrading past
// the pinned one, which the build must not follow. Its arguments go to `vsce package` (`-- --out FILE`).
// The project has no public repository yet, so package.json names none and the README's relative links
// stay relative (VS Code resolves them inside the installed extension) instead of vsce refusing them.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const args = [
  vsce,
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  ...process.argv.slice(2),
];
const r = spawnSync(process.execPath, args, { stdio: ['inherit', 'pipe', 'inherit'] });
if (r.stdout) process.stdout.write(r.stdout);
if (r.error) console.error(r.error.message);
process.exit(r.status ?? 1);
