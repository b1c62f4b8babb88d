// Module classes as apcore-python's `validate_module` checks them (registry/validation.py,
// test_validation.py, test_integration.py test_mixed_valid_invalid_modules): input_schema,
// output_schema, execute and a non-empty `description` class attribute — a docstring alone fails.
import { strict as assert } from 'node:assert';
import { discover, messageOf, moduleFile, moduleIds } from './sdk';

describe('apcore conformance: validate_module', () => {
  it('a valid class passes (test_valid_class_returns_empty)', async () => {
    const { lines } = await discover(`
      //- /extensions/valid_mod.py
      ${moduleFile('ValidModule', { description: 'A valid module' })}
      //- /extensions/valid_mod_meta.yaml
      tags: [valid]
    `);
    assert.deepEqual(lines, []);
  });

  it('a docstring without a description attribute fails: RL008', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/doc_only.py
      ${moduleFile('DocOnly', { description: null, docstring: 'Documented, but no description attribute.' })}
      //- /extensions/doc_only_meta.yaml
      description: the meta description does not count either
    `);
    assert.deepEqual(lines, ['extensions/doc_only.py 8:6-8:13 RL008 warning']);
    assert.match(
      messageOf(engine, 'RL008'),
      /missing a description class attribute \(a docstring does not count\): apcore's validate_module rejects it/,
    );
  });

  it('an empty description fails (test_empty_description)', async () => {
    const { lines } = await discover(`
      //- /extensions/empty.py
      ${moduleFile('EmptyDesc', { description: '' })}
      //- /extensions/empty_meta.yaml
      tags: [empty]
    `);
    assert.deepEqual(lines, ['extensions/empty.py 8:6-8:15 RL008 warning']);
  });

  it('a class missing execute is reported with everything it lacks (test_missing_execute, test_multiple_errors_accumulated)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/half.py
      class Half:
          input_schema = dict
      //- /extensions/half_meta.yaml
      entry_point: half:Half
    `);
    assert.deepEqual(lines, ['extensions/half.py 0:6-0:10 RL008 warning']);
    assert.match(messageOf(engine, 'RL008'), /missing output_schema, execute\(\), a description class attribute/);
  });

  it('valid, broken and empty modules side by side: only the valid one registers cleanly (test_mixed_valid_invalid_modules)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/valid_mod.py
      ${moduleFile('ValidModule', { description: 'Valid' })}
      //- /extensions/valid_mod_meta.yaml
      tags: [valid]
      //- /extensions/broken_mod.py
      class BrokenModule:
          pass
      //- /extensions/empty_mod.py
      x = 42
    `);
    assert.deepEqual(lines, [
      'extensions/broken_mod.py 0:0-0:0 RL026 error',
      'extensions/empty_mod.py 0:0-0:0 RL026 error',
    ]);
    assert.ok(moduleIds(engine).includes('valid_mod'));
  });
});
