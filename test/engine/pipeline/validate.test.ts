// Stage 5, module validation (apcore-python `validate_module`): the entry class needs input_schema,
// output_schema, execute and a non-empty `description` class attribute (a docstring or the meta's
// description does not count); RL008 on the class name.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';

describe('pipeline 5: validate modules', () => {
  it('RL008 without a description attribute, even with a meta description or a docstring; the attribute is enough', async () => {
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
      class Described:
      #     ^^^^^^^^^ RL008 a description class attribute (a docstring does not count)
          """Described by its docstring."""
          input_schema = In
          output_schema = Out
          def execute(self, inputs, context):
              return None
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
    assert.deepEqual(
      diags.map((d) => d.severity),
      ['warning', 'warning'],
    );
  });

  it('RL020 on a companion example apcore-python cannot merge (no title): discover() stops at the module', async () => {
    const { engine } = await analyze(`
      //- /extensions/greet.py
      class Greet:
          description = "Greets"
          input_schema = In
          output_schema = Out
          def execute(self, inputs, context):
              return None
      //- /extensions/greet_meta.yaml
      examples:
        - {title: Hello, inputs: {name: a}}
        - {inputs: {name: b}}
        - just a string
      //- /extensions/half.py
      class Half:
          input_schema = In
      //- /extensions/half_meta.yaml
      entry_point: half.py:Half
      examples:
        - {inputs: {}}
    `);
    const d = engine.allDiagnostics();
    // the invalid module never registers, so its examples are never merged: RL008 only
    assert.deepEqual(
      d.map((x) => [x.file, x.code, x.range.start.line, x.range.start.character]),
      [
        ['extensions/greet_meta.yaml', 'RL020', 2, 4],
        ['extensions/greet_meta.yaml', 'RL020', 3, 4],
        ['extensions/half.py', 'RL008', 0, 6],
      ],
    );
    assert.match(d[0]?.message ?? '', /examples\[1\] has no 'title': apcore-python's merge_examples raises KeyError/);
    assert.match(d[1]?.message ?? '', /examples\[2\] .* raises TypeError/);
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
    assert.deepEqual(
      d.map((x) => [x.file, x.code, x.range.start.line, x.range.start.character]),
      [['extensions/half.py', 'RL008', 0, 6]],
    );
    assert.match(
      d[0]?.message ?? '',
      /missing output_schema, execute\(\), a description class attribute \(a docstring does not count\): apcore's validate_module rejects it/,
    );
  });
});
