// Module ids after the id map, as apcore-python `_apply_id_map_overrides` / `_validate_module_id` /
// `detect_id_conflicts` and apcore-typescript `_rejectEphemeralDiscoveries` treat them
// (test_registry.py TestRegistryConstants, test_metadata.py TestLoadIdMap, apcore-typescript
// test-ephemeral-namespace.test.ts): the map is keyed by the file's path relative to its extension
// root (a path relative to the map's directory is accepted too); reserved first segments and the
// `ephemeral.*` namespace are RL009.
import { strict as assert } from 'node:assert';
import { invalidId } from '../../../../server/src/engine/families/apcore/scan';
import { discover, messageOf, moduleFile, moduleIds } from './sdk';

const PROJECT = `
  //- /apcore.yaml
  extensions:
    root: ./extensions
  id_map: ./config/id_map.yaml
  //- /extensions/email/send.py
  ${moduleFile('SendModule', { indent: 2 })}
  //- /extensions/legacy/old.py
  ${moduleFile('OldModule', { indent: 2 })}
`;

describe('apcore conformance: id map and module ids', () => {
  it('id map files relative to the extension root, as apcore keys them, replace the ids (test_valid_id_map)', async () => {
    const { engine, lines } = await discover(`${PROJECT}
      //- /config/id_map.yaml
      mappings:
        - file: email/send.py
          id: email.send_v2
          class: SendModule
        - file: legacy/old.py
          id: legacy.old_v1
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['email.send_v2', 'legacy.old_v1']);
  });

  it('a class beside an id is ignored by apcore: RL029 (warning) when detection finds another class', async () => {
    const { engine, lines } = await discover(`${PROJECT}
      //- /config/id_map.yaml
      mappings:
        - file: email/send.py
          id: email.send_v2
          class: LegacySender
    `);
    assert.deepEqual(lines, ['config/id_map.yaml 3:11-3:23 RL029 warning']);
    assert.match(
      messageOf(engine, 'RL029'),
      /apcore ignores this 'class' because the mapping has an 'id'.* and detects SendModule instead/,
    );
  });

  it("a path relative to the id map's directory is accepted too", async () => {
    const { engine, lines } = await discover(`${PROJECT}
      //- /config/id_map.yaml
      mappings:
        - file: ../extensions/email/send.py
          id: email.sender
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['email.sender', 'legacy.old']);
  });

  it('without an id, apcore makes the file path the id (load_id_map: entry.get("id", file_path)): RL009; the class then picks the entry point', async () => {
    const { engine, lines } = await discover(`${PROJECT}
      //- /config/id_map.yaml
      mappings:
        - file: email/send.py
          class: SendModule
    `);
    assert.deepEqual(lines, ['config/id_map.yaml 1:10-1:23 RL009 error']);
    assert.deepEqual(moduleIds(engine), ['email/send.py', 'legacy.old']);
    assert.equal(engine.explain({ step: 'email/send.py' }).module?.entryClass?.class, 'SendModule');
  });

  it('a file under neither is RL029 (a warning: the mapping does nothing)', async () => {
    const { engine, lines } = await discover(`${PROJECT}
      //- /config/id_map.yaml
      mappings:
        - file: email/gone.py
          id: email.gone
    `);
    assert.deepEqual(lines, ['config/id_map.yaml 1:10-1:23 RL029 warning']);
    assert.match(
      messageOf(engine, 'RL029'),
      /does not exist relative to the extension root \(extensions\/\) or the id map's directory \(config\/\)/,
    );
  });

  it('reserved first segments are RL009; a reserved word in the middle is fine (test_reserved_words_*)', async () => {
    const { engine, lines } = await discover(`${PROJECT}
      //- /config/id_map.yaml
      mappings:
        - file: email/send.py
          id: system.send
        - file: legacy/old.py
          id: legacy.system.old
    `);
    assert.deepEqual(lines, ['config/id_map.yaml 2:8-2:19 RL009 error']);
    assert.match(messageOf(engine, 'RL009'), /reserved segment 'system'/);
  });

  it('ephemeral ids are classified as isEphemeralModuleId does (apcore-typescript test-ephemeral-namespace)', () => {
    for (const id of ['ephemeral', 'ephemeral.tool_v1', 'ephemeral.a.b.c'])
      assert.match(invalidId(id) ?? '', /'ephemeral\.\*' namespace/, id);
    for (const id of ['ephemerals.foo', 'something.ephemeral.foo', 'plain.module'])
      assert.equal(invalidId(id), null, id);
  });

  it('a root whose namespace is ephemeral puts every id in the reserved namespace: RL009 on each', async () => {
    const { lines } = await discover(`
      //- /apcore.yaml
      extensions:
        roots: [{root: ./tools, namespace: ephemeral}]
      //- /tools/probe.py
      ${moduleFile('Probe')}
    `);
    assert.deepEqual(lines, ['tools/probe.py 0:0-0:0 RL009 error']);
  });

  it('ephemeral.* ids are rejected as reserved: RL009, discovery fails for the whole root', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/ephemeral/probe.py
      ${moduleFile('Probe')}
      //- /extensions/ephemerals/fine.py
      ${moduleFile('Fine')}
      //- /extensions/ephemeral/probe_meta.yaml
      description: a filesystem module in the runtime-only namespace
    `);
    assert.deepEqual(lines, ['extensions/ephemeral/probe.py 0:0-0:0 RL009 error']);
    assert.match(messageOf(engine, 'RL009'), /'ephemeral\.\*' namespace.*discovery fails for the whole root/);
  });
});
