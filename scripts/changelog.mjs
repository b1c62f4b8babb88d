// CHANGELOG.md in Keep a Changelog 1.1.0 form (https://keepachangelog.com/en/1.1.0/), checked so that a
// malformed changelog fails CI instead of a release; a version's section is the release's tag notes.
// `node scripts/changelog.mjs [--version V] [--file F]` prints the problems (exit 1) or that version's notes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const KINDS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];
const RELEASE = /^## \[(\d+\.\d+\.\d+(?:-[\w.]+)?)\] - (\d{4}-\d{2}-\d{2})$/;
const LINK_REF = /^\[([^\]]+)\]: (https:\/\/\S+)$/;

/** The changelog's releases (Unreleased first) with their bodies, and its link references. */
function parse(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const releases = [];
  const refs = new Map();
  const problems = [];
  if (lines[0] !== '# Changelog') problems.push('line 1: the title must be "# Changelog"');
  lines.forEach((line, i) => {
    const ref = LINK_REF.exec(line);
    if (ref) {
      refs.set(ref[1], i + 1);
      return;
    }
    if (line.startsWith('## ')) {
      const m = RELEASE.exec(line);
      if (line === '## [Unreleased]') releases.push({ name: 'Unreleased', line: i + 1, body: [] });
      else if (m) releases.push({ name: m[1], date: m[2], line: i + 1, body: [] });
      else problems.push(`line ${i + 1}: "${line}" is neither "## [Unreleased]" nor "## [X.Y.Z] - YYYY-MM-DD"`);
      return;
    }
    if (refs.size > 0 && line.trim() !== '') problems.push(`line ${i + 1}: text after the link references`);
    else if (releases.length > 0) releases.at(-1).body.push({ line: i + 1, text: line });
  });
  return { releases, refs, problems };
}

/** Each release's body: `### <kind>` subsections, each once, each holding at least one list item. */
function bodyProblems(release) {
  const problems = [];
  const seen = new Set();
  let kind;
  let items = 0;
  const close = (line) => {
    if (kind !== undefined && items === 0) problems.push(`line ${line}: "### ${kind}" of ${release.name} is empty`);
  };
  for (const { line, text } of release.body) {
    if (text.startsWith('#')) {
      close(line);
      const m = /^### (\w+)$/.exec(text);
      if (!m || !KINDS.includes(m[1])) {
        problems.push(`line ${line}: "${text}" is not one of ### ${KINDS.join(', ')}`);
        kind = undefined;
        continue;
      }
      if (seen.has(m[1])) problems.push(`line ${line}: "### ${m[1]}" twice in ${release.name}`);
      seen.add(m[1]);
      kind = m[1];
      items = 0;
    } else if (text.startsWith('- ')) {
      if (kind === undefined) problems.push(`line ${line}: a change of ${release.name} outside any ### section`);
      items++;
    } else if (text.trim() !== '' && !text.startsWith('  ')) {
      problems.push(`line ${line}: neither a "- " item nor its indented continuation`);
    }
  }
  close(release.body.at(-1)?.line ?? release.line);
  if (release.name !== 'Unreleased' && seen.size === 0) {
    problems.push(`line ${release.line}: ${release.name} lists no change`);
  }
  return problems;
}

/** Negative, zero or positive as version a is older than, equal to or newer than b (their numeric parts). */
function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('-')[0].split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** Everything that keeps the text from being a Keep a Changelog file: empty when it is one. */
export function changelogProblems(text) {
  const { releases, refs, problems } = parse(text);
  if (releases[0]?.name !== 'Unreleased') problems.push('the first release heading must be "## [Unreleased]"');
  const names = releases.map((r) => r.name);
  releases.forEach((r, i) => {
    problems.push(...bodyProblems(r));
    if (r.name === 'Unreleased' && i > 0) problems.push(`line ${r.line}: a second "## [Unreleased]"`);
    const newer = releases[i - 1];
    if (i > 1 && compareVersions(newer.name, r.name) <= 0) {
      problems.push(`line ${r.line}: ${r.name} must come after ${newer.name}`);
    }
    if (i > 1 && r.date > newer.date) problems.push(`line ${r.line}: ${r.name} is dated after ${newer.name}`);
    // link references come with a public home: none until then, else one per release
    if (refs.size > 0 && !refs.has(r.name))
      problems.push(`line ${r.line}: no link reference "[${r.name}]: https://…" at the end`);
  });
  for (const [name, line] of refs) {
    if (!names.includes(name)) problems.push(`line ${line}: link reference [${name}] names no release`);
  }
  return problems;
}

/** The tag notes of a version: its section's body, headings of its kinds included, without the release heading. */
export function releaseNotes(text, version) {
  const release = parse(text).releases.find((r) => r.name === version);
  if (release === undefined) throw new Error(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`);
  const notes = release.body
    .map((l) => l.text)
    .join('\n')
    .trim();
  if (notes === '') throw new Error(`CHANGELOG.md's section of ${version} is empty`);
  return `${notes}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? fallback : process.argv[i + 1];
  };
  const root = fileURLToPath(new URL('..', import.meta.url));
  const text = readFileSync(arg('--file', `${root}CHANGELOG.md`), 'utf8');
  const version = arg('--version', JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
  const problems = changelogProblems(text);
  try {
    if (problems.length === 0) process.stdout.write(releaseNotes(text, version));
  } catch (e) {
    problems.push(e.message);
  }
  if (problems.length > 0) {
    console.error(`CHANGELOG is not in Keep a Changelog form:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
}
