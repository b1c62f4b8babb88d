// Dependencies as apcore-python's `resolve_dependencies` treats them (registry/dependencies.py), on
// fixtures modelled on test_dependencies.py and test_integration.py: a missing required dependency
// raises DependencyNotFoundError and a cycle raises CircularDependencyError — discover() fails for the
// whole root, which RL022/RL023 say; a missing optional dependency is skipped with a warning. An id only a
// binding registers is known to discover() once the binding is loaded but never in its batch: the sort
// stalls on it (ModuleLoadError, or CircularDependencyError with no true cycle), which RL072 says.
import { strict as assert } from 'node:assert';
import { discover, messageOf, moduleFile, moduleIds } from './sdk';

const mod = (name: string, cls: string, meta: string): string => `
  //- /extensions/${name}.py
  ${moduleFile(cls, { description: `Module ${name}`, indent: 2 })}
  //- /extensions/${name}_meta.yaml
  ${meta}
`;

describe('apcore conformance: resolve_dependencies', () => {
  it('a chain and a diamond resolve without diagnostics (TestSimpleOrdering)', async () => {
    const { engine, lines } = await discover(
      [
        mod('a', 'AModule', 'dependencies: [{module_id: b}, {module_id: c}]'),
        mod('b', 'BModule', 'dependencies: [{module_id: d}]'),
        mod('c', 'CModule', 'dependencies: [{module_id: d}]'),
        mod('d', 'DModule', 'description: the bottom of the diamond'),
      ].join(''),
    );
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['a', 'b', 'c', 'd']);
  });

  it('a missing required dependency is RL022, an error saying discovery of the whole root fails (test_missing_required_dep_raises)', async () => {
    const { engine, lines } = await discover(mod('a', 'AModule', 'dependencies: [{module_id: missing}]'));
    assert.deepEqual(lines, ['extensions/a_meta.yaml 0:27-0:34 RL022 error']);
    assert.match(
      messageOf(engine, 'RL022'),
      /Unknown required dependency 'missing'.*DependencyNotFoundError, so discovery of the whole root fails/,
    );
  });

  it('a missing optional dependency is skipped with a warning (test_missing_optional_dep_warns)', async () => {
    const { engine, lines } = await discover(
      mod('a', 'AModule', 'dependencies: [{module_id: missing, optional: true}]'),
    );
    assert.deepEqual(lines, ['extensions/a_meta.yaml 0:27-0:34 RL022 warning']);
    assert.match(messageOf(engine, 'RL022'), /apcore skips it with a warning/);
  });

  it('a three-module cycle is RL023 on each edge, saying discovery of the whole root fails (test_circular_dependency_detection)', async () => {
    const { engine, lines } = await discover(
      [
        mod('mod_a', 'ModAModule', 'dependencies: [{module_id: mod_b}]'),
        mod('mod_b', 'ModBModule', 'dependencies: [{module_id: mod_c}]'),
        mod('mod_c', 'ModCModule', 'dependencies: [{module_id: mod_a}]'),
      ].join(''),
    );
    assert.deepEqual(
      lines,
      ['mod_a', 'mod_b', 'mod_c'].map((m) => `extensions/${m}_meta.yaml 0:27-0:32 RL023 error`),
    );
    for (const d of engine.allDiagnostics())
      assert.match(
        d.message,
        /mod_a -> mod_b -> mod_c -> mod_a.*CircularDependencyError, so discovery of the whole root fails/,
      );
  });

  it('a version constraint the dependency satisfies is silent; one it misses is RL027 (TestVersionConstraints)', async () => {
    const ok = await discover(
      [
        mod('a', 'AModule', 'dependencies: [{module_id: b, version: ">=1.0.0"}]'),
        mod('b', 'BModule', 'version: 1.2.3'),
      ].join(''),
    );
    assert.deepEqual(ok.lines, []);
    const bad = await discover(
      [
        mod('a', 'AModule', 'dependencies: [{module_id: b, version: ">=2.0.0"}]'),
        mod('b', 'BModule', 'version: 1.2.3'),
      ].join(''),
    );
    assert.deepEqual(bad.lines, ['extensions/a_meta.yaml 0:39-0:48 RL027 error']);
  });

  it('no version declared accepts any version (test_no_version_declared_accepts_any)', async () => {
    const { lines } = await discover(
      [mod('a', 'AModule', 'dependencies: [{module_id: b}]'), mod('b', 'BModule', 'version: 99.0.0')].join(''),
    );
    assert.deepEqual(lines, []);
  });

  it('a module blocked on a known id outside the batch is not part of a cycle (test_cycle_path_is_actual_cycle)', async () => {
    // known_ids={"A", "B", "C", "external"}: "external" is what a loaded binding file adds to discover()'s
    // known ids (registry/registry.py:553); C waits for it forever, A and B form the only cycle.
    const { engine, lines } = await discover(
      [
        mod('a', 'AModule', 'dependencies: [{module_id: b}]'),
        mod('b', 'BModule', 'dependencies: [{module_id: a}]'),
        mod('c', 'CModule', 'dependencies: [{module_id: external}]'),
        `
  //- /external.py
  def run(x: str) -> str:
      return x
  //- /external.binding.yaml
  spec_version: "1.0"
  bindings:
    - module_id: external
      target: external:run
      auto_schema: true
`,
      ].join(''),
    );
    assert.deepEqual(lines, [
      'extensions/a_meta.yaml 0:27-0:28 RL023 error',
      'extensions/b_meta.yaml 0:27-0:28 RL023 error',
      'extensions/c_meta.yaml 0:27-0:35 RL072 error',
    ]);
    for (const d of engine.allDiagnostics().filter((x) => x.code === 'RL023')) assert.match(d.message, /a -> b -> a;/);
    const rl072 = engine.allDiagnostics().find((d) => d.code === 'RL072');
    assert.match(rl072?.message ?? '', /never loads, so discover\(\) cannot resolve this dependency$/);
    assert.match(rl072?.related[0]?.message ?? '', /loaded before, the dependency sort stalls \(ModuleLoadError;/);
  });
});
