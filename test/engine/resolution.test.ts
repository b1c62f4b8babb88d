// Resolution in both modes (SPEC §3.2), the strategies (§3.3) and Explain (§3.6).
import { strict as assert } from 'node:assert';
import { checkExplain } from './helpers';

const WS = '/developer_workspaces/developers';
const ORG = `
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "XGBoostTraining": {"config_class": "XGBoostTrainingConfig", "builder_step_name": "XGBoostTrainingStepBuilder", "spec_type": "XGBoostTraining", "sagemaker_step_type": "Training", "description": "core", "framework": "xgboost", "priority": 100},
}
//- /src/cursus/steps/builders/builder_xgboost_training_step.py
class XGBoostTrainingStepBuilder:
    pass
//- /src/cursus/steps/specs/xgboost_training_spec.py
XGBOOST_TRAINING_SPEC = None
//- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {"FeatureJoin": {"sagemaker_step_type": "Utility", "description": "alice join", "framework": "pandas", "environment_tags": ["dev"], "priority": 50}}
STEP_OVERRIDES = {"XGBoostTraining": {"sagemaker_step_type": "Training", "description": "alice xgb", "builder_step_name": "XGBoostTrainingStepBuilder", "framework": "xgboost"}}
WORKSPACE_METADATA = {"developer_id": "alice"}
//- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {"FeatureJoin": {"sagemaker_step_type": "Utility", "description": "bob join", "framework": "spark", "environment_tags": ["prod"], "priority": 10}}
`;

describe('resolution and Explain', () => {
  it('isolated: override, then local, then core — with the full trace and components', async () => {
    await checkExplain(ORG, { step: 'XGBoostTraining', context: 'alice' }, (x) => {
      assert.equal(x.found, true);
      assert.equal(x.winner?.source, 'override:alice');
      assert.deepEqual(
        x.trace.map((t) => [t.layer, t.hit]),
        [
          ['override:alice', true],
          ['local:alice', false],
          ['core', true],
        ],
      );
      assert.deepEqual(
        x.shadowed.map((s) => s.source),
        ['core'],
      );
      assert.equal(x.strategy?.name, 'workspace_priority');
      assert.equal(x.components.builder?.file, 'src/cursus/steps/builders/builder_xgboost_training_step.py');
      assert.equal(x.components.spec?.file, 'src/cursus/steps/specs/xgboost_training_spec.py');
      assert.equal(x.components.config, null);
      assert.deepEqual(
        x.derived.map((d) => d.registry),
        ['BUILDER_STEP_NAMES'],
      );
      assert.deepEqual(Object.keys(x.legacy ?? {}), [
        'builder_step_name',
        'sagemaker_step_type',
        'description',
        'framework',
      ]);
    });
  });

  it('isolated: another workspace is never consulted, but its definition is listed as a conflict', async () => {
    await checkExplain(ORG, { step: 'FeatureJoin', context: 'alice' }, (x) => {
      assert.equal(x.winner?.source, 'workspace:alice');
      assert.deepEqual(
        x.conflicts.map((c) => c.source),
        ['workspace:bob'],
      );
      assert.equal(x.strategy, null);
    });
    await checkExplain(ORG, { step: 'FeatureJoin' }, (x) => {
      assert.equal(x.found, false);
      assert.equal(x.summary, "Step 'FeatureJoin' not found (workspace: core)");
    });
  });

  it('hybrid: local, overrides, other workspaces by id, then core', async () => {
    await checkExplain(ORG, { step: 'FeatureJoin', context: 'alice', mode: 'hybrid' }, (x) => {
      assert.deepEqual(
        x.trace.map((t) => t.layer),
        ['local:alice', 'override:alice', 'local:bob', 'override:bob', 'core'],
      );
      assert.equal(x.winner?.source, 'workspace:alice');
    });
  });

  it('strategies with preferences: framework_match, environment_match, priority_based', async () => {
    const bobless = ORG.replace('"environment_tags": ["dev"], ', '');
    await checkExplain(ORG, { step: 'FeatureJoin', context: 'core', framework: 'spark' }, (x) => {
      assert.equal(
        x.strategy?.name,
        'framework_match',
        'with preferences every definition is a candidate, even in isolated mode',
      );
      assert.equal(x.winner?.source, 'workspace:bob');
      assert.deepEqual(
        x.trace.map((t) => [t.layer, t.hit]),
        [['core', false]],
        'the trace still shows the layers of the mode',
      );
    });
    const withCore = ORG.replace(
      'STEP_NAMES = {',
      'STEP_NAMES = {\n    "FeatureJoin": {"config_class": "FeatureJoinConfig", "builder_step_name": "B", "spec_type": "FeatureJoin", "sagemaker_step_type": "Utility", "description": "core join", "priority": 100},',
    );
    await checkExplain(withCore, { step: 'FeatureJoin', context: 'bob', mode: 'hybrid', framework: 'pandas' }, (x) => {
      assert.equal(x.strategy?.name, 'workspace_priority');
      assert.equal(x.winner?.source, 'workspace:bob');
    });
    await checkExplain(
      `${withCore}
//- ${WS}/carol/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {}
`,
      { step: 'FeatureJoin', context: 'carol', mode: 'hybrid', framework: 'pandas' },
      (x) => {
        assert.equal(x.strategy?.name, 'framework_match');
        assert.equal(x.winner?.source, 'workspace:alice');
      },
    );
    await checkExplain(
      `${bobless}
//- ${WS}/carol/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {}
`,
      { step: 'FeatureJoin', context: 'carol', mode: 'hybrid', environmentTags: ['prod'] },
      (x) => {
        assert.equal(
          x.strategy?.name,
          'priority_based',
          'two compatible candidates (alice untagged, bob prod) → priority',
        );
        assert.equal(x.winner?.source, 'workspace:bob');
      },
    );
    await checkExplain(
      `${ORG}
//- ${WS}/carol/src/cursus_dev/registry/workspace_registry.py
LOCAL_STEPS = {}
`,
      { step: 'FeatureJoin', context: 'carol', mode: 'hybrid', environmentTags: ['dev'] },
      (x) => {
        assert.equal(x.strategy?.name, 'environment_match');
        assert.equal(x.winner?.source, 'workspace:alice');
      },
    );
  });

  it('not found: suggestions by edit distance; unknown contexts are named', async () => {
    await checkExplain(ORG, { step: 'XGBoostTrainin', context: 'alice' }, (x) => {
      assert.equal(x.summary, "Step 'XGBoostTrainin' not found (workspace: alice)");
      assert.deepEqual(x.suggestions, ['XGBoostTraining']);
    });
    await checkExplain(ORG, { step: 'XGBoostTraining', context: 'zed' }, (x) => {
      assert.match(x.summary, /Unknown context 'zed' \(known: core, alice, bob\)/);
    });
  });
});
