// Companion metadata as apcore-python's `load_metadata` and the registry read it (registry/metadata.py,
// test_metadata.py): every field of test_valid_yaml_all_fields is accepted; keys apcore does not know
// are ignored (it reads the ones it knows with `meta.get`), except a near miss of a known key — a
// likely typo whose value is silently lost — which is RL016 with a rename; invalid YAML (ConfigError)
// is RL030 and a document that is not a mapping is RL020.
import { strict as assert } from 'node:assert';
import { checkFix } from '../../helpers';
import { discover, messageOf, moduleFile } from './sdk';

const MODULE = `
  //- /extensions/mod.py
  ${moduleFile('MyModule', { indent: 2 })}
  //- /extensions/foo/bar.py
  ${moduleFile('BarModule', { indent: 2 })}
`;

describe('apcore conformance: load_metadata', () => {
  it('all the fields of test_valid_yaml_all_fields are accepted', async () => {
    const { lines } = await discover(`${MODULE}
      //- /extensions/mod_meta.yaml
      dependencies:
      - module_id: foo.bar
      description: Test module
      entry_point: mod:MyModule
      tags:
      - tag1
      - tag2
      version: 2.0.0
    `);
    assert.deepEqual(lines, []);
  });

  it('unknown keys are ignored as apcore ignores them, at the top and in dependencies', async () => {
    const { lines } = await discover(`${MODULE}
      //- /extensions/mod_meta.yaml
      description: partial
      owner: data-team
      x-internal: {ticket: 42}
      dependencies:
        - module_id: foo.bar
          reason: it renders the output
    `);
    assert.deepEqual(lines, []);
  });

  it('a key within edit distance 2 of a known one is RL016 (a warning): its value is lost', async () => {
    const { engine, lines } = await discover(`${MODULE}
      //- /extensions/mod_meta.yaml
      descripton: typo
      dependencies:
        - module_id: foo.bar
          optinal: true
    `);
    assert.deepEqual(lines, [
      'extensions/mod_meta.yaml 0:0-0:10 RL016 warning',
      'extensions/mod_meta.yaml 3:4-3:11 RL016 warning',
    ]);
    assert.match(
      engine.allDiagnostics()[0]?.message ?? '',
      /Unknown key 'descripton': apcore ignores it, so its value is lost\. Did you mean 'description'\?/,
    );
  });

  it('quick fix: rename the near-miss key', async () => {
    await checkFix(
      `${MODULE}
      //- /extensions/mod_meta.yaml
      ver$0sio: 1.2.0
    `,
      "Rename to 'version'",
      { 'extensions/mod_meta.yaml': 'version: 1.2.0\n' },
    );
  });

  it('invalid YAML is RL030 (test_invalid_yaml_raises); an empty file is fine (test_empty_file_returns_empty)', async () => {
    const bad = await discover(`${MODULE}
      //- /extensions/mod_meta.yaml
      {{invalid yaml:
    `);
    assert.ok(bad.lines.length > 0 && bad.lines.every((l) => l.includes(' RL030 ')), bad.lines.join('\n'));
    assert.deepEqual((await discover(`${MODULE}\n  //- /extensions/mod_meta.yaml\n`)).lines, []);
  });

  it('a document that is not a mapping is RL020 (ConfigError: "Metadata file must be a YAML mapping")', async () => {
    const { engine, lines } = await discover(`${MODULE}
      //- /extensions/mod_meta.yaml
      - description: a list, not a mapping
    `);
    assert.deepEqual(lines, ['extensions/mod_meta.yaml 0:0-0:36 RL020 error']);
    assert.match(messageOf(engine, 'RL020'), /must be a mapping/);
  });

  it('a version apcore reads (1.0, 2) is accepted; one without leading digits is RL020 (parse_semver reads it as 0.0.0)', async () => {
    assert.deepEqual((await discover(`${MODULE}\n  //- /extensions/mod_meta.yaml\n  version: "1.0"\n`)).lines, []);
    assert.deepEqual((await discover(`${MODULE}\n  //- /extensions/mod_meta.yaml\n  version: latest\n`)).lines, [
      'extensions/mod_meta.yaml 0:9-0:15 RL020 error',
    ]);
  });
});
