// apcore binding files (`*.binding.yaml`, apcore-python 0.19.0 `bindings.py`): the ids they register are
// never known to `dependencies` (RL072: discovery fails whether the application loads them before or after
// discover()); a target that does not
// resolve in the repository, and every structural error the loader raises, is an error (RL071, RL070).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { moduleClass } from './snippets';

const TOOL = `
  //- /extensions/tool.py
  ${moduleClass('Tool', 'Tool.', 2)}
  //- /app/format_date.py
  def format_date_string(date: str, fmt: str) -> str:
      return date
  class Clock:
      def now(self) -> str:
          return ""
`;

describe('apcore bindings', () => {
  it('a dependency on a module only a binding registers is RL072: an error when required, a warning when optional', async () => {
    const { engine } = await analyze(`${TOOL}
      //- /app/format_date.binding.yaml
      spec_version: "1.0"
      bindings:
        - module_id: utils.format_date
          target: "format_date:format_date_string"
          auto_schema: true
        - module_id: utils.parse_date
          target: "format_date:format_date_string"
          auto_schema: true
      //- /extensions/tool_meta.yaml
      dependencies:
        - module_id: utils.format_date
        - module_id: utils.parse_date
          optional: true
        - module_id: utils.missing
    `);
    const got = engine.allDiagnostics().map((d) => [d.file, d.code, d.severity]);
    assert.deepEqual(got, [
      ['extensions/tool_meta.yaml', 'RL072', 'error'],
      ['extensions/tool_meta.yaml', 'RL072', 'warning'],
      ['extensions/tool_meta.yaml', 'RL022', 'error'],
    ]);
    const [required, optional] = engine.allDiagnostics().filter((d) => d.code === 'RL072');
    // What apcore-python 0.19.0's Registry.discover() raises, run with the binding loaded after and before it.
    // The message says what is wrong; when and how discover() fails is the binding's related line.
    for (const d of [required, optional])
      assert.match(
        d?.message ?? '',
        /which apcore's discover\(\) never loads, so discover\(\) cannot resolve this dependency$/,
      );
    assert.match(required?.related[0]?.message ?? '', /loaded after discover\(\), DependencyNotFoundError;/);
    assert.match(optional?.related[0]?.message ?? '', /loaded after discover\(\), the dependency is skipped;/);
    for (const d of [required, optional])
      assert.match(
        d?.related[0]?.message ?? '',
        /loaded before, the dependency sort stalls \(ModuleLoadError; apcore-typescript: CircularDependencyError\)$/,
      );
    assert.equal(required?.related[0]?.file, 'app/format_date.binding.yaml');
  });

  it('RL071 on targets that do not resolve in the repository; modules outside it are not judged', async () => {
    await checkDiagnostics(`${TOOL}
      //- /app/pkg/__init__.py
      //- /app/things.binding.yaml
      spec_version: "1.0"
      bindings:
        - module_id: a.ok
          target: format_date:format_date_string
        - module_id: a.method
          target: format_date:Clock.now
        - module_id: a.installed
          target: requests.api:get
        - module_id: a.gone
          target: format_date:parse_date
      #           ^^^^^^^^^^^^^^^^^^^^^^ RL071 app/format_date.py defines no 'parse_date': apcore raises BindingCallableNotFoundError
        - module_id: a.no_method
          target: format_date:Clock.later
      #           ^^^^^^^^^^^^^^^^^^^^^^^ RL071 Class 'Clock' in app/format_date.py has no 'later'
        - module_id: a.no_module
          target: pkg.missing:run
      #           ^^^^^^^^^^^^^^^ RL071 No module 'pkg.missing' although its package 'pkg' is in the repository (looked for app/pkg/missing.py
        - module_id: a.no_colon
          target: format_date.format_date_string
      #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL071 BindingInvalidTargetError
    `);
  });

  it('RL070 on what the loader raises on, and on spec_version as it warns', async () => {
    await checkDiagnostics(`${TOOL}
      //- /app/b.binding.yaml
      spec_version: "2.0"
      #             ^^^^^ RL070 newer than supported
      bindings:
        - module_id: b.one
      #   ^^^^^^^^^^^^^^^^ RL070 Binding entry missing 'target'
        - just text
      #   ^^^^^^^^^ RL070 Each binding entry must be a mapping
        - module_id: b.two
          target: format_date:format_date_string
          auto_schema: true
          schema_ref: two.schema.yaml
      #   ^^^^^^^^^^ RL070 several schema modes
        - module_id: b.three
          target: format_date:format_date_string
          input_schema: {type: object}
      #   ^^^^^^^^^^^^ RL070 requires both 'input_schema' and 'output_schema'
        - module_id: b.four
          target: format_date:format_date_string
          auto_schema: false
      #                ^^^^^ RL070 BindingSchemaInferenceFailedError
        - module_id: b.five
          target: format_date:format_date_string
          schema_ref: five.schema.yaml
      #               ^^^^^^^^^^^^^^^^ RL070 Schema reference file not found
    `);
  });

  it('RL070 when bindings is missing or not a list', async () => {
    const diags = await checkDiagnostics(`
      //- /c.binding.yaml
      bindings: {}
      ^^^^^^^^ RL070 'spec_version' is missing
      #         ^^ RL070 'bindings' must be a list
      //- /d.binding.yaml
      spec_version: "1.0"
      ^^^^^^^^^^^^ RL070 Missing 'bindings' key
    `);
    assert.equal(diags.length, 3);
  });
});
