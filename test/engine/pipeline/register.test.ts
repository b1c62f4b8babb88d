// Stage 8, register: the merged view — code values overlaid by the companion's (YAML wins) — in
// Explain, hover and the list, for steps and modules alike.
import { strict as assert } from 'node:assert';
import { analyze, checkHover } from '../helpers';
import { codeFields, mergeFields } from '../../../server/src/engine/model/discovery/mergedFields';
import { loadMeta } from '../../../server/src/engine/families/apcore/discovery/metadata';
import { cursus, metaOf } from './snippets';

describe('pipeline 8: register (merged view)', () => {
  it('meta values win over code values; structure keys are not merged fields', () => {
    const meta = loadMeta(
      'x_meta.yaml',
      'description: yaml\ntags: [a]\ndependencies: [{module_id: b}]\nentry_point: x.py:X\n',
    );
    const merged = mergeFields({ description: 'code', name: 'n' }, meta);
    assert.deepEqual(merged, {
      fields: { description: 'yaml', name: 'n', tags: ['a'] },
      fromMeta: ['description', 'tags'],
    });
  });

  it("a module's code fields are its class attributes, then its docstring", () => {
    const cls = {
      name: 'M',
      nameRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      bases: [],
      attributes: ['version'],
      strAttrs: { version: '2.0.0' },
      methods: [],
      docstring: ' Docs. ',
    };
    const entry = {
      name: 'm',
      file: 'm.py',
      layer: 'module' as const,
      wsDir: null,
      variable: '',
      keyRange: cls.range,
      keyInner: cls.range,
      range: cls.range,
      value: { kind: 'dict' as const, entries: [], range: cls.range },
      fields: new Map(),
    };
    assert.deepEqual(codeFields(entry, cls), { version: '2.0.0', description: 'Docs.' });
  });

  it('Explain and hover show the merged fields and where they come from', async () => {
    const text = `${cursus()}
      //- ${metaOf('Alpha')}
      description: Alpha, as the YAML says
      version: 2.0.0
      //- ${metaOf('Beta')}
      dependencies:
        - module_id: Al$0pha
    `;
    const { engine } = await analyze(text);
    const x = engine.explain({ step: 'Alpha' });
    assert.equal(x.winner?.fields['description'], 'Alpha, as the YAML says');
    assert.equal(x.winner?.fields['config_class'], 'AlphaConfig');
    assert.equal(x.legacy?.['description'], 'Alpha step', 'the legacy STEP_NAMES entry stays what the registry says');
    assert.deepEqual(x.meta, {
      file: 'src/cursus/steps/builders/builder_alpha_step_meta.yaml',
      fromMeta: ['description', 'version'],
      ignored: [],
      boundBy: 'class AlphaStepBuilder',
    });
    assert.deepEqual(
      x.dependents.map((d) => [d.name, d.file.split('/').pop()]),
      [['Beta', 'builder_beta_step_meta.yaml']],
    );
    await checkHover(text, [
      '**Alpha** · `core`',
      '| description | `"Alpha, as the YAML says"` | meta |',
      '| config_class | `"AlphaConfig"` | code |',
      'Dependents: `Beta`',
    ]);
  });
});
