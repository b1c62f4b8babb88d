// The property the tracked query layer exists for: a new cross-file check, written against the public
// check API with no invalidation rule at all (overrideCheck.ts), stays exact under random edits.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RegistryEngine } from '../../server/src/engine/engine';
import { parseFixture } from './fixture';
import { CORE } from './cursusCore';
import { EDITS, META_EDITS, runSequence } from './randomEdits';
import { overrideChangesType } from './overrideCheck';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

describe('a cross-file check added through the public API, with no invalidation code', function () {
  this.timeout(300000);

  it('reports what it reads across files, and follows edits of any of them', async () => {
    const fx = parseFixture(`${CORE}
//- /developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py
STEP_OVERRIDES = {
    "Package": {"sagemaker_step_type": "Utility", "description": "mine"},
}
`);
    const engine = await RegistryEngine.create(wasm, {}, { checks: [overrideChangesType] });
    for (const [p, t] of fx.files) engine.setFile(p, t);
    engine.update();
    const find = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL900')
        .map((d) => d.message);
    assert.deepEqual(find(), ['override changes sagemaker_step_type Processing -> Utility (0 dependents)']);
    engine.setFile(
      'src/cursus/steps/builders/builder_package_step_meta.yaml',
      'dependencies:\n  - module_id: Package\n',
    );
    engine.setFile(
      'src/cursus/steps/builders/builder_xgboost_training_step_meta.yaml',
      'dependencies:\n  - module_id: Package\n',
    );
    assert.ok(
      engine.update().includes('developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py'),
    );
    assert.deepEqual(find(), ['override changes sagemaker_step_type Processing -> Utility (2 dependents)']);
    const core = fx.files.get('src/cursus/registry/step_names.py') ?? '';
    engine.setFile(
      'src/cursus/registry/step_names.py',
      core.replace('"sagemaker_step_type": "Processing"', '"sagemaker_step_type": "Utility"'),
    );
    engine.update();
    assert.deepEqual(find(), []);
  });

  for (const [seed, example] of [
    [11, 'demo-workspace'],
    [12, 'meta-workspace'],
    [13, 'meta-workspace'],
  ] as const) {
    it(`random edits keep incremental equal to fresh with the check (${example}, seed ${seed})`, async () => {
      await runSequence({
        seed,
        settings: {},
        example,
        edits: [...EDITS, ...META_EDITS],
        // The soak runs every third sequence with this check, 60 steps each: here a short run per shape.
        steps: 15,
        options: { checks: [overrideChangesType] },
      });
    });
  }
});
