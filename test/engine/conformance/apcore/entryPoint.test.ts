// Entry points as apcore-python's `resolve_entry_point` finds them (registry/entry_point.py), on the
// module files of test_entry_point.py: one module class is the entry point, none or several is RL026;
// `entry_point: NAME:Class` in the meta file picks a class of the module file itself — apcore ignores
// NAME (`entry_point.split(":")[-1]`), so `mod_b:ModBModule` is fine wherever it points.
import { strict as assert } from 'node:assert';
import { checkFix } from '../../helpers';
import { discover, messageOf, moduleFile, moduleIds } from './sdk';

const TWO_MODULES = `
  //- /extensions/multi.py
  ${moduleFile('ModuleA', { description: 'Module A', indent: 2 })}

  class ModuleB:
      input_schema = TestInput
      output_schema = TestOutput
      description = "Module B"
      def execute(self, inputs, context=None):
          return {}
`;

describe('apcore conformance: resolve_entry_point', () => {
  it('one module class among plain classes is the entry point (test_module_plus_plain_returns_module)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/mixed.py
      ${moduleFile('MyModule')}

      class PlainHelper:
          pass
      //- /extensions/mixed_meta.yaml
      description: mixed
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'mixed' }).module?.entryClass?.class, 'MyModule');
  });

  it('no module class is RL026 "no module class found" (test_zero_modules_raises, test_imported_class_filtered_by_module_check)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/nomod.py
      from pydantic import BaseModel
      class PlainClass:
          pass
      class AnotherPlain:
          x = 10
      //- /extensions/nomod_meta.yaml
      description: nothing to register
    `);
    assert.deepEqual(lines, ['extensions/nomod.py 0:0-0:0 RL026 error']);
    assert.match(messageOf(engine, 'RL026'), /No module class found/);
  });

  it('two module classes are RL026 "ambiguous" (test_multiple_modules_raises)', async () => {
    const { engine, lines } = await discover(`${TWO_MODULES}
      //- /extensions/multi_meta.yaml
      description: two classes
    `);
    assert.deepEqual(lines, ['extensions/multi.py 8:6-8:13 RL026 error']);
    assert.match(messageOf(engine, 'RL026'), /Ambiguous entry point: ModuleA, ModuleB/);
  });

  it('entry_point "multi:ModuleB" picks the class (test_meta_entry_point_loads_specific_class)', async () => {
    const { engine, lines } = await discover(`${TWO_MODULES}
      //- /extensions/multi_meta.yaml
      entry_point: multi:ModuleB
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'multi' }).module?.entryClass?.class, 'ModuleB');
  });

  it('entry_point "mod_b:ModBModule" is read as apcore reads it: the name before the colon is ignored', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/mod_b.py
      ${moduleFile('ModBModule', { description: 'Module B' })}
      //- /extensions/mod_b_meta.yaml
      entry_point: mod_b:ModBModule
      //- /extensions/renamed.py
      ${moduleFile('ModBModule', { description: 'Module B, elsewhere' })}
      //- /extensions/renamed_meta.yaml
      entry_point: some/other_file.py:ModBModule
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['mod_b', 'renamed']);
  });

  it('the class is looked up in the module file, not in the file before the colon: RL026 (test_meta_nonexistent_class_raises)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/mymod.py
      ${moduleFile('MyTestModule')}
      //- /extensions/mymod_meta.yaml
      entry_point: helper:HelperModule
      //- /extensions/helper.py
      ${moduleFile('HelperModule')}
    `);
    assert.deepEqual(lines, ['extensions/mymod_meta.yaml 0:13-0:32 RL026 error']);
    assert.match(messageOf(engine, 'RL026'), /Entry point class 'HelperModule' not found in extensions\/mymod\.py/);
    const related = engine.allDiagnostics().find((d) => d.code === 'RL026')?.related[0];
    assert.equal(related?.file, 'extensions/mymod.py');
    assert.match(related?.message ?? '', /^it defines TestInput, TestOutput, MyTestModule;/);
  });

  it('quick fix: change the entry_point class to the module class the file defines', async () => {
    await checkFix(
      `
      //- /extensions/mymod.py
      ${moduleFile('MyTestModule')}
      //- /extensions/mymod_meta.yaml
      entry_point: mymod:NonExistent$0Class
    `,
      "Change the entry point class to 'MyTestModule'",
      { 'extensions/mymod_meta.yaml': 'entry_point: mymod:MyTestModule\n' },
    );
  });
});
