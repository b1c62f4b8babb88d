// `npm run package`: the .vsix, made by the pinned @vscode/vsce (package.json). vsce's stdout goes through
// a pipe: on a terminal vsce asks the npm registry for its latest version and advises upgrading past
// the pinned one, which the build must not follow.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository'], { stdio: ['inherit', 'pipe', 'inherit'] });
if (r.stdout) process.stdout.write(r.stdout);
if (r.error) console.error(r.error.message);
process.exit(r.status ?? 1);
