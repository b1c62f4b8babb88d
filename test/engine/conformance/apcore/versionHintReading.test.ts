// The readings of apcore-python's `matches_version_hint` (registry/version.py), with the cases of its
// tests (test_version_negotiation.py TestMatchesVersionHint and TestConstraintStrictness,
// test_dependencies.py TestVersionConstraints) and the readings that differ from npm semver (`1.x`,
// `1.2.x`).
import { strict as assert } from 'node:assert';
import { readVersionHint } from '../../../../server/src/engine/families/apcore/discovery/versionHint';

const matches = (version: string, hint: string): boolean | string => {
  const h = readVersionHint(hint);
  return 'error' in h ? 'malformed' : h.matches(version);
};

describe('apcore conformance: matches_version_hint readings', () => {
  it('reads exact, partial, comparison, caret, tilde and comma-separated hints as apcore-python does', () => {
    const cases: [string, string, boolean][] = [
      ['1.0.0', '1.0.0', true],
      ['2.0.0', '1.0.0', false],
      ['1.5.0', '>=1.0.0', true],
      ['1.5.0', '<2.0.0', true],
      ['2.0.0', '<2.0.0', false],
      ['1.5.0', '>=1.0.0,<2.0.0', true],
      ['2.0.0', '>=1.0.0,<2.0.0', false],
      ['1.2.3', '1', true],
      ['2.0.0', '1', false],
      ['0.0.3', '^0.0.3', true],
      ['0.0.4', '^0.0.3', false],
      ['0.0.2', '^0.0.3', false],
      ['1.0.0', '~1', true],
      ['1.9.9', '~1', true],
      ['2.0.0', '~1', false],
      ['1.9.0', '^1.2.3', true],
      ['2.0.0', '^1.2.3', false],
      ['1.2.9', '~1.2.3', true],
      ['1.3.0', '~1.2.3', false],
      ['2.0.1', '>=1.0.0,<2.0.0', false],
      ['1.2.3', '>=2.0.0', false],
      // apcore reads only the digits of an operand: 1.x is 1.0.*, 1.2.x is exactly 1.2.0
      ['1.0.7', '1.x', true],
      ['1.4.0', '1.x', false],
      ['1.2.0', '1.2.x', true],
      ['1.2.5', '1.2.x', false],
    ];
    for (const [version, hint, want] of cases) assert.equal(matches(version, hint), want, `${version} against ${hint}`);
  });

  it('rejects what apcore-python rejects with VersionConstraintError', () => {
    for (const hint of ['', 'v1.0.0', 'v1.2.3', '>=not_a_version', '~', '>=1.0.0,latest', '>=1 <2', 'latest', '*'])
      assert.equal(matches('1.0.0', hint), 'malformed', hint);
  });
});
