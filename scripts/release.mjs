// `npm run release [-- --tag]`: a release from a clean tree by one command, the same here and in
// .github/workflows/release.yml. It checks CHANGELOG.md has package.json's version, builds into release/
// (git-ignored) what a team can host without a public home: the .vsix (`npm run package`), the npm tarball
// (`npm pack`), the hooks repository (the GitHub Action and the pre-commit hooks over the committed bundle,
// to commit as a repository of its own: hooksRepository.mjs) and SHA256SUMS of the three; writes that
// version's CHANGELOG section as the tag notes, and with --tag creates the annotated local tag v<version>
// from them. It never pushes nor publishes: the workflow does that on a pushed tag.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogProblems, releaseNotes } from './changelog.mjs';
import { writeHooksRepository } from './hooksRepository.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'release');
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--tag');
if (unknown.length > 0) fail(`unknown option ${unknown.join(' ')}; usage: npm run release [-- --tag]`);

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, options = {}) {
  const stdio = ['ignore', 'pipe', 'inherit'];
  return execFileSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', stdio, ...options });
}

function dirty() {
  return run('git', ['status', '--porcelain', '--untracked-files=normal']).trim();
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const changes = dirty();
if (changes !== '') fail(`the working tree is not clean:\n${changes}`);
const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
const problems = changelogProblems(changelog);
if (problems.length > 0) fail(`CHANGELOG.md is not in Keep a Changelog form:\n  ${problems.join('\n  ')}`);
let notes;
try {
  notes = releaseNotes(changelog, version);
} catch (e) {
  fail(`${e.message} (package.json's version is ${version})`);
}
const tag = `v${version}`;
if (args.includes('--tag') && run('git', ['tag', '--list', tag]).trim() !== '') fail(`the tag ${tag} exists already`);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT);
const vsix = join(OUT, `registry-lens-${version}.vsix`);
run('npm', ['run', 'package', '--', '--out', vsix], { stdio: ['ignore', 'inherit', 'inherit'] });
// the package script built dist/ a moment ago: pack it as it is
const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', OUT]).trim().split('\n');
const tarball = join(OUT, packed.at(-1));
const hooks = writeHooksRepository(ROOT, join(OUT, `registry-lens-hooks-${version}.tgz`), version);
const sums = join(OUT, 'SHA256SUMS');
// `sha256sum -c SHA256SUMS` checks them (two spaces: text mode, as sha256sum writes)
writeFileSync(
  sums,
  [vsix, tarball, hooks]
    .map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${basename(file)}\n`)
    .join(''),
);
const notesFile = join(OUT, 'notes.md');
writeFileSync(notesFile, notes);
const after = dirty();
if (after !== '') fail(`the build changed the working tree:\n${after}`);
if (args.includes('--tag')) {
  // verbatim: git would take the notes' `### Added` headings for comments and drop them
  const message = `Registry Lens ${version}\n\n${notes}`;
  const stdio = ['pipe', 'pipe', 'inherit'];
  run('git', ['tag', '--annotate', '--cleanup=verbatim', tag, '--file', '-'], { input: message, stdio });
}

console.log(
  `release ${tag}:\n  ${vsix}\n  ${tarball}\n  ${hooks} (the Action and the pre-commit hooks)\n  ${sums}\n  ${notesFile} (the tag notes)`,
);
console.log(
  args.includes('--tag')
    ? `  tag ${tag} created locally: \`git push origin ${tag}\` runs .github/workflows/release.yml`
    : `  no tag: \`npm run release -- --tag\` creates ${tag} with these notes`,
);
