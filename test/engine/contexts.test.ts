// Contexts as the editor and the CLI see them: the core context's file is a registry that defines
// entries (never a non-literal shim), two workspaces with one id stay two contexts, and Explain names
// each dependent entry with its context.
import { strict as assert } from 'node:assert';
import { analyze } from './helpers';
import { cursus, metaOf } from './pipeline/snippets';

const WS = 'developer_workspaces/developers';

describe('contexts', () => {
  it('the core context names the registry that defines entries, not a shim with RL031', async () => {
    const { engine } = await analyze(`
      //- /src/cursus/registry/step_names.py
      from .loader import load
      STEP_NAMES = load()
      //- /src/cursus/registry/step_names_original.py
      STEP_NAMES = {
          "Package": {"sagemaker_step_type": "Utility", "description": "p"},
      }
    `);
    assert.ok(
      engine.allDiagnostics().some((d) => d.code === 'RL031' && d.file === 'src/cursus/registry/step_names.py'),
    );
    assert.equal(engine.contexts()[0]?.file, 'src/cursus/registry/step_names_original.py');
    const trace = engine.explain({ step: 'Missing' }).trace.find((t) => t.layer === 'core');
    assert.equal(trace?.file, 'src/cursus/registry/step_names_original.py');
  });

  it("two workspaces with one id (RL015): the last in path order keeps the id, as cursus's manager", async () => {
    // registry/hybrid/manager.py:231-233, 262-272: loaded in turn, alice2 replaces alice's steps under 'alice'.
    const registry = (step: string): string => `
      WORKSPACE_METADATA = {"developer_id": "alice"}
      LOCAL_STEPS = {
          "${step}": {"sagemaker_step_type": "Utility", "description": "d"},
      }`;
    const { engine } = await analyze(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {}
      //- /${WS}/alice/src/cursus_dev/registry/workspace_registry.py${registry('First')}
      //- /${WS}/alice2/src/cursus_dev/registry/workspace_registry.py${registry('Second')}
    `);
    const ids = engine.contexts().map((c) => c.id);
    assert.deepEqual(ids, ['core', `alice@${WS}/alice`, 'alice']);
    assert.deepEqual(
      engine.list({ context: 'alice' }).map((r) => r.name),
      ['Second'],
    );
    assert.deepEqual(
      engine.list({ context: `alice@${WS}/alice` }).map((r) => r.name),
      ['First'],
    );
    assert.equal(engine.contextOf(`${WS}/alice/src/cursus_dev/registry/workspace_registry.py`), `alice@${WS}/alice`);
    const rl015 = engine
      .allDiagnostics()
      .filter((d) => d.code === 'RL015')
      .map((d) => [d.file.split('/')[2], d.message]);
    assert.deepEqual(rl015.map(([dir]) => dir).sort(), ['alice', 'alice2']);
    const said = (dir: string): string => rl015.find(([d]) => d === dir)?.[1] ?? '';
    assert.match(
      said('alice'),
      /also used by \S+alice2; cursus keeps that one \(loaded last\) and loses this one's steps: 'First'$/,
    );
    assert.match(said('alice2'), /keeps this workspace \(loaded last in path order\) and loses their steps: 'First'$/);
    const sections = engine.explain({ step: 'Second', context: 'alice' }).sections ?? [];
    const section = sections.find((s) => s.title === "Workspace id 'alice'");
    assert.deepEqual(
      section?.rows.map((r) => [r.label, r.file, r.text]),
      [
        [
          'lost',
          `${WS}/alice/src/cursus_dev/registry/workspace_registry.py`,
          `${WS}/alice: its steps are replaced by those of ${WS}/alice2, loaded after it under the same id`,
        ],
        [
          'kept',
          `${WS}/alice2/src/cursus_dev/registry/workspace_registry.py`,
          `${WS}/alice2: cursus's manager loads it last (path order), so its steps are the ones filed under 'alice'`,
        ],
      ],
    );
  });

  it("Explain's dependents name the dependent entry and its context", async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
    `);
    const deps = engine.explain({ step: 'Beta' }).dependents;
    assert.deepEqual(
      deps.map((d) => [d.name, d.context, d.source, d.file]),
      [['Alpha', 'core', 'core', metaOf('Alpha').slice(1)]],
    );
  });
});
