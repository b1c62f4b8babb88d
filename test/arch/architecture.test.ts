// ARCHITECTURE.md is a map a newcomer reads whole: short (at most 30,000 characters, no line over 300),
// and every repository path it names in backticks exists, so a moved or deleted file breaks this test
// instead of leaving the map wrong.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const MAX_CHARS = 30_000;
const MAX_LINE = 300;

/** Folders at the repository root: a backticked path starting with one is read from the root. */
const ROOT_DIRS = /^(server|client|test|bench|scripts|docs|examples|schemas|media)\//;
/** Where a shorter path (`analysis/family.ts`, `model/`, `fuzz/`) is read from, as the document's prose places it. */
const BASES = [
  '',
  'server/src/engine',
  'server/src/engine/families',
  'server/src/engine/model',
  'server/src',
  'server/src/lsp',
  'server/src/mcp',
  'client',
  'scripts',
];
/** A path-like token: names joined by `/`, no placeholder (`<name>`), glob or space. */
const PATH_LIKE = /^[\w.@-]+(?:\/[\w.@-]+)*\/?$/;
const FILE_EXT = /\.(?:ts|mjs|cjs|js|json|md|yaml|yml|css)$/;

/** The document without its fenced code blocks (the diagram names folders, not backticked paths). */
function prose(text: string): string {
  return text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** The backticked tokens that name a repository path: under a root folder, a folder, or a file name with a folder. */
function repoPaths(text: string): string[] {
  const tokens = [...prose(text).matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return [
    ...new Set(
      tokens.filter(
        (t) =>
          PATH_LIKE.test(t) &&
          t.includes('/') &&
          !t.startsWith('dist/') &&
          (ROOT_DIRS.test(t) || FILE_EXT.test(t) || t.endsWith('/')),
      ),
    ),
  ];
}

describe('architecture: ARCHITECTURE.md is a map', () => {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

  it(`has at most ${MAX_CHARS} characters`, () => {
    assert.ok(
      text.length <= MAX_CHARS,
      `ARCHITECTURE.md has ${text.length} characters; figures and history belong in bench/README.md`,
    );
  });

  it(`has no line over ${MAX_LINE} characters`, () => {
    const long = text
      .split('\n')
      .map((line, i) => ({ line: i + 1, length: line.length }))
      .filter((l) => l.length > MAX_LINE);
    assert.deepEqual(long, []);
  });

  it('names only repository paths that exist', () => {
    const paths = repoPaths(text);
    assert.ok(paths.length > 50, `expected many backticked paths, found ${paths.length}`);
    const missing = paths.filter((p) =>
      ROOT_DIRS.test(p) ? !existsSync(join(ROOT, p)) : !BASES.some((b) => existsSync(join(ROOT, b, p))),
    );
    assert.deepEqual(missing, []);
  });
});
