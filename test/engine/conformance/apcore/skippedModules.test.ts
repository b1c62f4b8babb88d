// Modules discover() skips before it sorts dependencies are not in the dependency graph. Both SDKs sort only the
// modules whose class resolves and validates (apcore-python 0.19.0 `registry/registry.py:419-421,546-553`;
// apcore-typescript 0.25.0 `registry/registry.ts:426-429,620-647`); apcore-typescript also drops an invalid id before
// the sort (`_filterIdConflicts`, registry.ts:428, :583), apcore-python only after (`_filter_id_conflicts`,
// registry.py:422, :643-646). Expectations from running each SDK's discover() on these layouts (src from the mirrors;
// apcore-typescript through tsx with @sinclair/typebox and uuid stubbed, js-yaml 5 behind a default-export shim):
//   apcore-python: `~/.pyenv/versions/3.11.7/bin/python p2.py` (Registry(extensions_dir=root).discover())
//     required dep on a skipped module -> DependencyNotFoundError [DEPENDENCY_NOT_FOUND] Module 'shop.cart' has
//       unsatisfied required dependency 'shop.price'
//     optional dep on a skipped module -> registered 1 ['shop.cart']
//     cycle between two skipped modules -> registered 0 []
//     skipped module with a missing required dep -> registered 1 ['b']
//     cycle through a reserved-id module -> CircularDependencyError [CIRCULAR_DEPENDENCY] Circular dependency
//       detected: a -> system.b -> a
//   apcore-typescript: `tsx probe.mts` (new Registry({ extensionsDir: root }).discover())
//     cycle between two skipped modules -> registered 0 []
//     required dep on a skipped module -> DependencyNotFoundError Module 'shop.cart' has unsatisfied required
//       dependency 'shop.price'
//     cycle through a reserved-id module -> DependencyNotFoundError Module 'a' has unsatisfied required dependency
//       'system.b'   (stderr: Skipping discovered module with invalid ID 'system.b': ... reserved word: 'system')
import { strict as assert } from 'node:assert';
import { discover, messageOf, moduleFile } from './sdk';

const py = (path: string, cls: string, meta: string | null, description: string | null = 'A test module'): string => `
  //- /extensions/${path}.py
  ${moduleFile(cls, { description, indent: 2 })}
${meta === null ? '' : `  //- /extensions/${path}_meta.yaml\n  ${meta}\n`}`;

/** A module object apcore-typescript's resolveEntryPoint registers; without a description it finds none. */
const ts = (path: string, meta: string | null, description = true): string => `
  //- /extensions/${path}.ts
  export default { inputSchema: {}, outputSchema: {},${description ? " description: 'A test module'," : ''} execute() { return {}; } };
${meta === null ? '' : `  //- /extensions/${path}_meta.yaml\n  ${meta}\n`}`;

describe('apcore conformance: modules discovery skips are not in the dependency graph', () => {
  it('apcore-python: a required dependency on a module that fails validation fails discovery of the whole root', async () => {
    const { engine, lines } = await discover(
      py('shop/cart', 'Cart', 'dependencies: [{module_id: shop.price}]') + py('shop/price', 'Price', null, null),
    );
    assert.deepEqual(lines, [
      'extensions/shop/cart_meta.yaml 0:27-0:37 RL022 error',
      'extensions/shop/price.py 8:6-8:11 RL008 warning',
    ]);
    assert.match(
      messageOf(engine, 'RL022'),
      /'shop\.price' is a module discovery skips .*DependencyNotFoundError, so discovery of the whole root fails/,
    );
  });

  it('apcore-python: an optional dependency on it is skipped with a warning', async () => {
    const { lines } = await discover(
      py('shop/cart', 'Cart', 'dependencies: [{module_id: shop.price, optional: true}]') +
        py('shop/price', 'Price', null, null),
    );
    assert.deepEqual(lines, [
      'extensions/shop/cart_meta.yaml 0:27-0:37 RL022 warning',
      'extensions/shop/price.py 8:6-8:11 RL008 warning',
    ]);
  });

  it('apcore-python: a cycle between two skipped modules raises nothing, nor does a skipped module’s missing dependency', async () => {
    const { lines } = await discover(
      py('a', 'AModule', 'dependencies: [{module_id: b}, {module_id: missing}]', null) +
        py('b', 'BModule', 'dependencies: [{module_id: a}]', null),
    );
    assert.deepEqual(lines, ['extensions/a.py 8:6-8:13 RL008 warning', 'extensions/b.py 8:6-8:13 RL008 warning']);
  });

  it('apcore-python: a module with a reserved id is dropped after the sort, so its cycle still fails discovery', async () => {
    const { lines } = await discover(
      py('a', 'AModule', 'dependencies: [{module_id: system.b}]') +
        py('system/b', 'BModule', 'dependencies: [{module_id: a}]'),
    );
    assert.deepEqual(lines, [
      'extensions/a_meta.yaml 0:27-0:35 RL023 error',
      'extensions/system/b.py 0:0-0:0 RL009 error',
      'extensions/system/b_meta.yaml 0:27-0:28 RL023 error',
    ]);
  });

  it('apcore-typescript: a cycle between two modules resolveEntryPoint skips raises nothing', async () => {
    const { lines } = await discover(
      ts('a', 'dependencies: [{module_id: b}]', false) + ts('b', 'dependencies: [{module_id: a}]', false),
    );
    assert.deepEqual(lines, ['extensions/a.ts 0:0-0:0 RL026 error', 'extensions/b.ts 0:0-0:0 RL026 error']);
  });

  it('apcore-typescript: a required dependency on a skipped module fails discovery of the whole root', async () => {
    const { lines } = await discover(
      ts('shop/cart', 'dependencies: [{module_id: shop.price}]') + ts('shop/price', null, false),
    );
    assert.deepEqual(lines, [
      'extensions/shop/cart_meta.yaml 0:27-0:37 RL022 error',
      'extensions/shop/price.ts 0:0-0:0 RL026 error',
    ]);
  });

  it('apcore-typescript: a module with a reserved id is dropped before the sort: no cycle, an unknown dependency', async () => {
    const { engine, lines } = await discover(
      ts('a', 'dependencies: [{module_id: system.b}]') + ts('system/b', 'dependencies: [{module_id: a}]'),
    );
    assert.deepEqual(lines, [
      'extensions/a_meta.yaml 0:27-0:35 RL022 error',
      'extensions/system/b.ts 0:0-0:0 RL009 error',
    ]);
    assert.match(messageOf(engine, 'RL022'), /DependencyNotFoundError/);
  });
});
