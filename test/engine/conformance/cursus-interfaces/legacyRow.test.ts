// Conformance: Explain's "Legacy format" of an interface step is the row cursus's registry holds for it.
// cursus at TianpeiLuke/cursus 6a2e2022, Python 3.11.7, pydantic 2.13.4: `build_registry_from_interfaces()`
// (registry/interface_registry_loader.py 71-132: five fields of the `registry:` block, description defaulting
// to "") over the two interfaces below, each row then through the hybrid manager's `from_legacy_format()` and
// `to_legacy_format()` (registry/hybrid/utils.py 67-136, as manager.py 126-130 and 581-582 do):
//
//   $ python run.py
//   STEP_NAMES CradleDataLoading {"config_class": "CradleDataLoadingConfig", "builder_step_name": "CradleDataLoadingStepBuilder", "spec_type": "CradleDataLoading", "sagemaker_step_type": "CradleDataLoading", "description": "Cradle data loading step"}
//   to_legacy_format CradleDataLoading {"config_class": "CradleDataLoadingConfig", "builder_step_name": "CradleDataLoadingStepBuilder", "spec_type": "CradleDataLoading", "sagemaker_step_type": "CradleDataLoading", "description": "Cradle data loading step", "job_types": []}
//   STEP_NAMES Plain {"config_class": "PlainConfig", "builder_step_name": "PlainStepBuilder", "spec_type": "Plain", "sagemaker_step_type": "Processing", "description": ""}
//   to_legacy_format Plain {"config_class": "PlainConfig", "builder_step_name": "PlainStepBuilder", "spec_type": "Plain", "sagemaker_step_type": "Processing", "description": "", "job_types": []}
import { strict as assert } from 'node:assert';
import { analyze } from '../../helpers';
import { renderExplanation } from '../../../../server/src/engine/render/explainText';

const CORE = `
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {}
//- /src/cursus/steps/interfaces/cradle_data_loading.step.yaml
step_type: CradleDataLoading
node_type: source
registry:
  sagemaker_step_type: CradleDataLoading
  requires: secure_ai_sandbox_workflow_python_sdk
  description: Cradle data loading step
contract:
  entry_point: null
spec: {}
//- /src/cursus/steps/interfaces/plain.step.yaml
step_type: Plain
registry:
  sagemaker_step_type: Processing
  job_types: [training]
  framework: xgboost
contract:
  entry_point: null
spec: {}
`;

describe("conformance: an interface step's legacy row (build_registry_from_interfaces, to_legacy_format)", () => {
  it('is the five derived fields and an empty job_types, whatever else the registry block says', async () => {
    const { engine } = await analyze(CORE);
    const cradle = engine.explain({ step: 'CradleDataLoading' });
    assert.deepEqual(JSON.parse(JSON.stringify(cradle.legacy)), {
      config_class: 'CradleDataLoadingConfig',
      builder_step_name: 'CradleDataLoadingStepBuilder',
      spec_type: 'CradleDataLoading',
      sagemaker_step_type: 'CradleDataLoading',
      description: 'Cradle data loading step',
      job_types: [],
    });
    assert.deepEqual(Object.keys(cradle.legacy ?? {}), [
      'config_class',
      'builder_step_name',
      'spec_type',
      'sagemaker_step_type',
      'description',
      'job_types',
    ]);
    assert.deepEqual(JSON.parse(JSON.stringify(engine.explain({ step: 'Plain' }).legacy)), {
      config_class: 'PlainConfig',
      builder_step_name: 'PlainStepBuilder',
      spec_type: 'Plain',
      sagemaker_step_type: 'Processing',
      description: '',
      job_types: [],
    });
    const text = renderExplanation(cradle);
    const legacy = text.slice(text.indexOf('Legacy format (to_legacy_format):'));
    assert.ok(!legacy.slice(0, legacy.indexOf('\n\n')).includes('requires'), legacy);
    assert.ok(legacy.includes('job_types: []'), legacy);
  });
});
