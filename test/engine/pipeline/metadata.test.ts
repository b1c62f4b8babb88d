// Stage 3, load metadata: `*_meta.yaml` parsed safely with node ranges, checked against the schema
// (RL020 on the exact node), syntax errors (RL030) that keep the rest, duplicate keys (RL001).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { loadMeta } from '../../../server/src/engine/families/apcore/discovery/metadata';
import { cursus, metaOf } from './snippets';

describe('pipeline 3: load metadata', () => {
  it('a valid companion has no diagnostics', async () => {
    await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      description: Alpha from YAML
      name: Alpha step
      version: 1.2.3-rc.1+build.5
      tags: [etl, data_prep, v-2]
      annotations: {readonly: true}
      examples: [{inputs: {a: 1}}]
      metadata: {team: ml, x-deprecation: {deprecated_since: 1.2.0, sunset_version: 2.0.0, sunset_date: "2027-01-31", migration_guide: Use Beta}}
      documentation: docs/alpha.md
      dependencies:
        - module_id: Beta
          version: ">=1.0.0,<2"
          optional: false
    `);
  });

  it('RL020 underlines the bad tag item, the bad version; RL016 and a rename for a near-miss key, other unknown keys are ignored as apcore ignores them', async () => {
    const diags = await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      descripton: typo
      ^^^^^^^^^^ RL016 apcore ignores it, so its value is lost. Did you mean 'description'
      owner: me
      version: "latest"
      #        ^^^^^^^^ RL020 not a version apcore can read
      tags: [etl, Data Prep, ok]
      #           ^^^^^^^^^ RL020 'tags[1]'
      dependencies:
        - version: ">=1"
      #   ^^^^^^^^^^^^^^ RL020 missing the required key 'module_id'
        - module_id: Beta
          version: "not a range"
      #            ^^^^^^^^^^^^^ RL020 Version hint 'not a range' is malformed for apcore
          optinal: true
      #   ^^^^^^^ RL016 Unknown key 'optinal' in 'dependencies[1]'
          owner: me
      entry_point: "alpha:"
      #            ^^^^^^^^ RL020 'module:ClassName'
      deprecated: "yes"
      ^^^^^^^^^^ RL073 No apcore SDK reads a top-level 'deprecated': the module is not deprecated
      metadata:
        x-deprecation: "since 2.0"
      #                ^^^^^^^^^^^ RL020
    `);
    const typo = diags.find((d) => d.message.includes('descripton'));
    assert.deepEqual(
      typo?.fixes.map((f) => f.title),
      ["Rename to 'description'"],
    );
  });

  it('RL016 without a rename when the mapping has the known key already (a duplicate key YAML rejects)', async () => {
    const diags = await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      descripton: typo
      ^^^^^^^^^^ RL016 Did you mean 'description'
      description: kept
    `);
    assert.deepEqual(
      diags.map((d) => d.fixes.length),
      [0],
    );
  });

  it('RL020 for a number where a string is expected hints at quoting', async () => {
    const diags = await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      version: 1.5
      #        ^^^ RL020 quote it
    `);
    assert.match(diags[0]?.message ?? '', /must be a string, not a number/);
  });

  it('RL030 points at the unclosed bracket and the rest of the file is still read', async () => {
    await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      tags: [etl, prep
      #     ^^^^^^^^^^ RL030 Flow sequence
      dependencies:
        - module_id: Nope
      #              ^^^^ RL022 Unknown required dependency 'Nope'
    `);
  });

  it('RL001 on the earlier of two equal keys; YAML keeps the later one', async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      description: first
      description: second
    `);
    const d = engine.allDiagnostics();
    assert.deepEqual(
      d.map((x) => [x.code, x.range.start.line]),
      [['RL001', 0]],
    );
    assert.match(d[0]?.message ?? '', /YAML keeps only the later one/);
    assert.equal(engine.explain({ step: 'Alpha' }).winner?.fields['description'], 'second');
  });

  it('custom tags are never constructed: the value stays text and a warning says so', () => {
    const doc = loadMeta('m_meta.yaml', 'description: !!python/object/apply:os.system ["rm -rf /"]\n');
    assert.deepEqual(
      doc.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['RL030', 'warning'],
        ['RL020', 'error'],
      ],
    );
    assert.match(doc.diagnostics[0]?.message ?? '', /never constructed/);
  });

  it('aliases are expanded within a budget ("billion laughs" stops with RL030)', () => {
    const ok = loadMeta('m_meta.yaml', 'metadata: &m {team: ml}\nannotations: *m\n');
    assert.deepEqual(ok.diagnostics, []);
    assert.equal(ok.fields.get('annotations')?.value.kind, 'dict');
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const bomb = loadMeta('m_meta.yaml', `metadata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    assert.ok(bomb.diagnostics.some((d) => d.code === 'RL030' && /aliases expand to more than/.test(d.message)));
  });

  it('extracts what later stages need: version, description, entry point, dependencies', () => {
    const doc = loadMeta(
      'pkg/mod_meta.yaml',
      'description: d\nversion: 2.0.0\nentry_point: ../lib/mod.py:Mod\ndependencies:\n  - module_id: a\n    version: ^1\n  - {module_id: b, optional: true}\n',
    );
    assert.equal(doc.version, '2.0.0');
    assert.equal(doc.description, 'd');
    assert.equal(doc.entryPoint?.cls, 'Mod');
    assert.deepEqual(
      doc.deps.map((d) => [d.moduleId, d.version?.value ?? null, d.optional]),
      [
        ['a', '^1', false],
        ['b', null, true],
      ],
    );
  });
});
