// CHANGELOG.md is read by people and by the release: `npm run release` takes package.json's version's
// section as the tag notes, so a changelog out of Keep a Changelog form fails here, not at a release.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..');
const SCRIPT = path.join(REPO, 'scripts', 'changelog.mjs');
const CHANGELOG = readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8');
const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };

/** scripts/changelog.mjs on a text: its exit code, the notes it prints and the problems it reports. */
function check(text: string, args: string[] = []): { status: number | null; notes: string; problems: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-lens-changelog-'));
  try {
    const file = path.join(dir, 'CHANGELOG.md');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [SCRIPT, '--file', file, ...args], { encoding: 'utf8' });
    return { status: r.status, notes: r.stdout, problems: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('CHANGELOG.md in Keep a Changelog form', () => {
  it(`has a section for package.json's version (${version}), whose notes are its changes by kind`, () => {
    const { status, notes, problems } = check(CHANGELOG);
    assert.equal(problems, '');
    assert.equal(status, 0);
    assert.match(notes, /^### (Added|Changed|Deprecated|Removed|Fixed|Security)\n- /);
    assert.ok(!notes.includes('## ['), 'the notes hold one release');
    assert.ok(CHANGELOG.includes(notes.trim()));
  });

  it('names neither internal documents nor issue numbers', () => {
    assert.deepEqual(CHANGELOG.match(/\bissues? \d+|\bSPEC\b|\bR\d+\b|shared\/repro/g), null);
  });

  const broken: [string, (text: string) => string, RegExp][] = [
    ['a release heading without brackets', (t) => t.replace(`## [${version}] - `, `## ${version} — `), /neither/],
    ['no [Unreleased] first', (t) => t.replace('## [Unreleased]\n', ''), /"## \[Unreleased\]"/],
    ['a kind Keep a Changelog does not have', (t) => t.replace('### Fixed', '### Performance'), /is not one of/],
    ['a kind twice in a release', (t) => t.replace('### Fixed', '### Added'), /twice/],
    ['an empty kind', (t) => t.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Added\n'), /is empty/],
    [
      'a release without its link reference when others have one',
      (t) => `${t}[Unreleased]: https://x.test\n`,
      /no link reference/,
    ],
    ['a link reference to no release', (t) => `${t}[9.9.9]: https://x.test\n`, /names no release/],
    [
      'an older version above a newer one',
      (t) =>
        t
          .replace('## [Unreleased]\n', '## [Unreleased]\n\n## [0.0.1] - 2099-01-01\n\n### Added\n- x\n')
          .replace(/^(\[Unreleased\]: .*)$/m, '$1\n[0.0.1]: https://example.com'),
      /must come after/,
    ],
    ['prose outside the list items', (t) => t.replace('### Security\n', '### Security\nProse.\n'), /neither a "- "/],
  ];
  for (const [what, breakIt, problem] of broken) {
    it(`fails on ${what}`, () => {
      const text = breakIt(CHANGELOG);
      assert.notEqual(text, CHANGELOG, 'the change applies to the real changelog');
      const r = check(text);
      assert.equal(r.status, 1);
      assert.match(r.problems, problem);
    });
  }

  it('fails for a version without a section', () => {
    const r = check(CHANGELOG, ['--version', '99.0.0']);
    assert.equal(r.status, 1);
    assert.match(r.problems, /no "## \[99\.0\.0\] - YYYY-MM-DD" section/);
  });

  it('npm run release refuses an unknown option before building anything', () => {
    const release = path.join(REPO, 'scripts', 'release.mjs');
    const r = spawnSync(process.execPath, [release, '--push'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /unknown option --push; usage: npm run release \[-- --tag\]/);
  });
});
