// Binding files as apcore-python 0.19.0's BindingLoader loads them, on the cases of its tests/test_bindings.py:
// each file its tests expect to raise gets one error at the node (RL070 for BindingFileInvalidError,
// RL071 for the target errors), and the files it loads get none. Not judged statically: a class whose
// constructor needs arguments (test_class_requiring_args_raises) and targets outside the repository.
import { strict as assert } from 'node:assert';
import { discover } from './sdk';

const HELPERS = `
  //- /binding_helpers.py
  def typed_function(name: str, count: int) -> dict:
      return {}
  class SimpleService:
      def greet(self, name: str) -> str:
          return name
`;

/** The errors of one binding file `text` beside binding_helpers.py. */
async function errorsOf(text: string): Promise<string[]> {
  const body = text.split('\n').join('\n  ');
  const { lines } = await discover(`${HELPERS}\n  //- /t.binding.yaml\n  ${body}\n`);
  return lines.filter((l) => l.endsWith(' error')).map((l) => l.split(' ').slice(2, 3)[0] as string);
}

describe('apcore conformance: BindingLoader.load_bindings', () => {
  it('the files it loads get no error (test_single_binding_parsed, test_multiple_bindings_parsed, test_class_method_resolves)', async () => {
    assert.deepEqual(
      await errorsOf(
        'bindings:\n  - module_id: a.b\n    target: binding_helpers:typed_function\n    auto_schema: true\n  - module_id: a.c\n    target: binding_helpers:SimpleService.greet',
      ),
      [],
    );
  });

  const raising: [string, string, string][] = [
    ['test_empty_file_raises', '', 'RL070'],
    ['test_missing_bindings_key_raises', 'modules:\n  - id: test', 'RL070'],
    ['test_bindings_not_list_raises', 'bindings: not_a_list', 'RL070'],
    [
      'test_missing_module_id_raises',
      'bindings:\n  - target: binding_helpers:typed_function\n    auto_schema: true',
      'RL070',
    ],
    ['test_missing_target_raises', 'bindings:\n  - module_id: test.func\n    auto_schema: true', 'RL070'],
    [
      'test_schema_ref_not_found_raises',
      'bindings:\n  - module_id: test.ref\n    target: binding_helpers:typed_function\n    schema_ref: nonexistent_schema.yaml',
      'RL070',
    ],
    ['test_missing_colon_raises', 'bindings:\n  - module_id: a.b\n    target: some.module.no_colon', 'RL071'],
    [
      'test_nonexistent_callable_raises',
      'bindings:\n  - module_id: a.b\n    target: binding_helpers:nonexistent_function_xyz',
      'RL071',
    ],
  ];
  for (const [name, text, code] of raising) {
    it(`${name}: one ${code}`, async () => {
      assert.deepEqual(await errorsOf(text), [code]);
    });
  }
});
