// The scan as apcore-python's `scan_extensions` / `scan_multi_root` do it (registry/scanner.py,
// test_scanner.py, test_integration.py), configured by `apcore.yaml` as Config reads it: the root is
// depth 1 and `extensions.max_depth` (default 8) bounds it; `_`/`.` names, __pycache__ and node_modules
// are skipped; roots given as `{root, namespace}` (or `path:`) prefix their ids, also when there is
// only one; two roots with one namespace fail discovery (RL028).
import { strict as assert } from 'node:assert';
import { discover, messageOf, moduleFile, moduleIds } from './sdk';

const at = (path: string, cls: string): string => `
  //- /${path}
  ${moduleFile(cls, { indent: 2 })}
`;
const META = '\n  //- /extensions/root_mod_meta.yaml\n  description: makes extensions/ the default root\n';

describe('apcore conformance: scan_extensions and the apcore.yaml extensions section', () => {
  it('the root is depth 1: with the default max_depth 8 a file 8 levels deep is found, 9 levels is not', async () => {
    const deep8 = 'extensions/a/b/c/d/e/f/g/deep8.py';
    const deep9 = 'extensions/a/b/c/d/e/f/g/h/deep9.py';
    const { engine, lines } = await discover(
      `${at('extensions/root_mod.py', 'RootMod')}${at(deep8, 'Deep8')}${at(deep9, 'Deep9')}${META}`,
    );
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['a.b.c.d.e.f.g.deep8', 'root_mod']);
  });

  it('extensions.max_depth: 1 scans only the root level (test_max_depth_1)', async () => {
    const { engine, lines } =
      await discover(`${at('extensions/root_mod.py', 'RootMod')}${at('extensions/sub/deep_mod.py', 'DeepMod')}
      //- /apcore.yaml
      extensions:
        root: ./extensions
        max_depth: 1
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['root_mod']);
  });

  it('extensions.max_depth: 2 skips a/b/c/d.py (test_depth_exceeded_skipped); a value outside [1, 16] is RL020', async () => {
    const two = await discover(`${at('extensions/a/b/c/d.py', 'D')}${at('extensions/a/e.py', 'E')}
      //- /apcore.yaml
      extensions: {root: extensions, max_depth: 2}
    `);
    assert.deepEqual(moduleIds(two.engine), ['a.e']);
    const bad = await discover(`${at('extensions/a.py', 'A')}
      //- /apcore.yaml
      extensions: {root: extensions, max_depth: 40}
    `);
    assert.deepEqual(bad.lines, ['apcore.yaml 0:42-0:44 RL020 error']);
  });

  it('underscore and dot names, __pycache__ and node_modules are skipped (TestScanExtensionsIgnore)', async () => {
    const { engine } = await discover(
      `${at('extensions/root_mod.py', 'RootMod')}${at('extensions/_private.py', 'P')}${at('extensions/.hidden.py', 'H')}${at('extensions/__pycache__/c.py', 'C')}${at('extensions/node_modules/n.py', 'N')}${at('extensions/__init__.py', 'I')}${META}`,
    );
    assert.deepEqual(moduleIds(engine), ['root_mod']);
  });

  it('{root, namespace} roots, the shape of Registry(extensions_dirs=…), prefix ids (test_multi_root_namespace_isolation)', async () => {
    const { engine, lines } =
      await discover(`${at('root_a/process.py', 'ProcessModuleA')}${at('root_b/process.py', 'ProcessModuleB')}
      //- /apcore.yaml
      extensions:
        roots:
          - {root: ./root_a, namespace: alpha}
          - root: ./root_b
            namespace: beta
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['alpha.process', 'beta.process']);
  });

  it('path: is a synonym of root:; without a namespace the directory name is used (test_auto_derive_namespace)', async () => {
    const { engine, lines } = await discover(`${at('root_a/process.py', 'A')}${at('root_b/process.py', 'B')}
      //- /apcore.yaml
      extensions:
        roots: [{path: root_a}, root_b]
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['root_a.process', 'root_b.process']);
  });

  it('one root with a namespace is scanned with the prefix too (test_explicit_namespace_used)', async () => {
    const { engine, lines } = await discover(`${at('ext/send.py', 'Send')}
      //- /apcore.yaml
      extensions:
        roots: [{root: ext, namespace: mail}]
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['mail.send']);
  });

  it('two roots with one namespace: RL028, discovery fails (test_duplicate_namespaces_raises)', async () => {
    const { engine, lines } = await discover(`${at('root_a/x.py', 'X')}${at('root_b/y.py', 'Y')}
      //- /apcore.yaml
      extensions:
        roots:
          - {root: root_a, namespace: same}
          - {root: root_b, namespace: same}
    `);
    assert.deepEqual(lines, ['apcore.yaml 3:32-3:36 RL028 error']);
    assert.match(
      messageOf(engine, 'RL028'),
      /ConfigError \('Duplicate namespace'\), so discovery fails for every root/,
    );
  });

  it('Config namespace mode: extensions under a top-level apcore: mapping', async () => {
    const { engine, lines } = await discover(`${at('mods/tool.py', 'Tool')}
      //- /apcore.yaml
      apcore:
        extensions:
          root: ./mods
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['tool']);
  });
});
