// Stage 5, module validation: the entry class needs input_schema, output_schema, execute and a
// non-empty description (meta, description attribute or docstring); RL008 on the class name.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { moduleClass } from './snippets';

describe('pipeline 5: validate modules', () => {
  it('RL008 when no description exists anywhere; a meta description or attribute is enough', async () => {
    const diags = await checkDiagnostics(`
      //- /extensions/bare.py
      class Bare:
      #     ^^^^ RL008 Module 'bare' (class Bare) is missing a description
          input_schema = In
          output_schema = Out
          def execute(self, inputs, context):
              return None
      //- /extensions/bare_meta.yaml
      tags: [x]
      //- /extensions/described.py
      ${moduleClass('Described', '')}
      //- /extensions/described_meta.yaml
      description: from YAML
      //- /extensions/attr.py
      class Attr:
          description = "from the attribute"
          input_schema = In
          output_schema = Out
          def execute(self, inputs, context):
              return None
    `);
    assert.equal(diags[0]?.severity, 'warning');
  });

  it('RL008 lists what an entry_point class lacks', async () => {
    const { engine } = await analyze(`
      //- /extensions/half.py
      class Half:
          """Half a module."""
          input_schema = In
      //- /extensions/half_meta.yaml
      entry_point: half.py:Half
    `);
    const d = engine.allDiagnostics();
    assert.deepEqual(d.map((x) => [x.file, x.code, x.range.start.line, x.range.start.character]), [['extensions/half.py', 'RL008', 0, 6]]);
    assert.match(d[0]?.message ?? '', /missing output_schema, execute\(\)$/);
  });
});
