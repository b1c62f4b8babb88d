// Version hints in a meta file as apcore-python's `matches_version_hint` reads them (registry/version.py;
// the readings themselves are in versionHintReading.test.ts): RL020 for a hint apcore rejects, RL027 for
// one the dependency's version does not match (an error when required, a warning when optional).
import { strict as assert } from 'node:assert';
import { discover, messageOf, moduleFile } from './sdk';

/** Two modules: `a` depends on `b` (version `bVersion`, from its meta) with the hint `hint`. */
const project = (hint: string, bVersion = '1.2.3', optional = false): string => `
  //- /extensions/a.py
  ${moduleFile('AModule', { indent: 2 })}
  //- /extensions/a_meta.yaml
  dependencies:
    - module_id: b
      version: "${hint}"
      optional: ${optional}
  //- /extensions/b.py
  ${moduleFile('BModule', { indent: 2 })}
  //- /extensions/b_meta.yaml
  version: ${bVersion}
`;
const HINT = 'extensions/a_meta.yaml 2:13';

describe('apcore conformance: matches_version_hint', () => {
  it('a comma-separated hint is valid and satisfied: no diagnostic', async () => {
    assert.deepEqual((await discover(project('>=1.0.0,<2.0.0', '1.5.0'))).lines, []);
  });

  it('a comma-separated hint the version misses is the real mismatch: RL027, an error for a required dependency', async () => {
    const { engine, lines } = await discover(project('>=2.0.0,<3.0.0'));
    assert.deepEqual(lines, [`${HINT}-2:29 RL027 error`]);
    assert.match(
      messageOf(engine, 'RL027'),
      /'b' has version 1\.2\.3, which does not satisfy '>=2\.0\.0,<3\.0\.0'; apcore's discover\(\) raises DependencyVersionMismatchError, so discovery of the whole root fails/,
    );
  });

  it('an optional dependency whose version misses the hint is skipped with a warning: RL027 warning', async () => {
    const { engine, lines } = await discover(project('>=2.0.0', '1.0.0', true));
    assert.deepEqual(lines, [`${HINT}-2:22 RL027 warning`]);
    assert.match(messageOf(engine, 'RL027'), /skips this optional dependency/);
  });

  it('1.x and 1.2.x mean what apcore makes of them: 1.x does not match 1.4.0, 1.2.x does not match 1.2.5', async () => {
    assert.deepEqual((await discover(project('1.x', '1.4.0'))).lines, [`${HINT}-2:18 RL027 error`]);
    assert.deepEqual((await discover(project('1.x', '1.0.2'))).lines, []);
    assert.deepEqual((await discover(project('1.2.x', '1.2.5'))).lines, [`${HINT}-2:20 RL027 error`]);
    assert.deepEqual((await discover(project('1.2.x', '1.2.0'))).lines, []);
  });

  it('v1.2.3 and ">=1 <2" are rejected as apcore rejects them: RL020', async () => {
    const v = await discover(project('v1.2.3'));
    assert.deepEqual(v.lines, [`${HINT}-2:21 RL020 error`]);
    assert.match(messageOf(v.engine, 'RL020'), /malformed for apcore .*VersionConstraintError/);
    assert.deepEqual((await discover(project('>=1 <2'))).lines, [`${HINT}-2:21 RL020 error`]);
  });
});
