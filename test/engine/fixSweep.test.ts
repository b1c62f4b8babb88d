// Every fix the engine proposes on every example, applied alone, leaves each file it touches parseable in
// its format and brings no new error (fixSweep.ts); so does every fix on the examples after seeded random
// edits of the families' generators, which bring the diagnostics the examples lack, and on a tree of the
// lines where a fix once broke its file (a line continued by a backslash, a mapping after an anchor or a tag).
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import { analyze, directoriesOf, wasm } from './helpers';
import { CORE } from './cursusCore';
import { openTree, sweepFixes, type Tree } from './fixSweep';
import {
  DAG_EDITS,
  EDITS,
  INTERFACE_EDITS,
  META_EDITS,
  ONEX_CONTRACT_EDITS,
  ONEX_EDITS,
  loadExample,
  rng,
  type Edit,
} from './randomEdits';

const EXAMPLES = join(__dirname, '../../examples');

describe('fix sweep: no proposed fix breaks the file it edits', function () {
  this.timeout(120000);
  for (const name of readdirSync(EXAMPLES).sort())
    it(`every fix of examples/${name}`, async () => {
      const { engine, tree } = await openTree(join(EXAMPLES, name));
      const { applied, broken } = sweepFixes(engine, tree);
      assert.ok(applied > 0, 'the example proposes fixes');
      assert.deepEqual(broken, []);
    });

  const edited: [string, readonly Edit[]][] = [
    ['demo-workspace', EDITS],
    ['meta-workspace', [...EDITS, ...META_EDITS]],
    ['interface-workspace', [...EDITS, ...INTERFACE_EDITS]],
    ['cursus-pipelines', DAG_EDITS],
    ['onex-registry', ONEX_EDITS],
    ['onex-contracts', ONEX_CONTRACT_EDITS],
  ];
  for (const [i, [name, edits]] of edited.entries())
    it(`every fix of examples/${name} after random edits`, async () => {
      const random = rng(i + 1);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
      const files = loadExample(name);
      for (let k = 0; k < 6; k++) {
        const change = pick(edits)(files, pick);
        if (change === null || change[0] === undefined) continue;
        const [f, text] = change;
        if (text === null) files.delete(f);
        else files.set(f, text);
      }
      const engine = await RegistryEngine.create(wasm);
      for (const [f, text] of files) engine.setFile(f, text);
      engine.commit();
      const tree: Tree = {
        links: [],
        directories: directoriesOf([...files.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
      };
      engine.setTree(tree);
      engine.update();
      const { broken } = sweepFixes(engine, tree);
      assert.deepEqual(broken, []);
    });

  it('every fix of a tree whose lines are continued, anchored or tagged', async () => {
    const { engine, fx } = await analyze(`${CORE}
      //- /developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Package": \\
              {"sagemaker_step_type": "Utility", "description": "mine"},
          "Custom": {"sagemaker_step_type": "Processing", "descriptoin": "c", \\
             "builder_step_name": "CustomStepBuilder"},
      }
      //- /src/cursus/registry/step_names.yaml
      step_names:
        Flow: {sagemaker_step_type: Processing,
          description: y}
        Anchored: &a
          sagemaker_step_type: Processing
          description: y
        Tagged: !!map
          sagemaker_step_type: Processing
          description: y
    `);
    const tree: Tree = { links: [], directories: directoriesOf([...fx.files.keys()]) };
    const { applied, broken } = sweepFixes(engine, tree);
    assert.ok(applied >= 18, `${applied} fixes`);
    assert.deepEqual(broken, []);
  });
});
