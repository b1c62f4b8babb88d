// Conformance: an interface whose contract has a channel its spec lacks fails to load, and every DAG node that
// loads it for that job type lacks its contract and spec. Run against cursus at TianpeiLuke/cursus 6a2e2022
// (Python 3.11.7, pydantic 2.13.4; sagemaker and the SAIS SDKs stubbed as modules of dummy classes).
//
// 1. `StepInterface.from_yaml(data, job_type)` (core/base/step_interface.py 878-930) on small interfaces;
//    `_sync_and_align()` (934-975) raises ValueError, reported by pydantic:
//
//   input-without-dependency job_type=None: ValidationError: Value error, Contract inputs missing from spec dependencies: {'DATA'}
//   input-without-dependency job_type=training: ValidationError: Value error, Contract inputs missing from spec dependencies: {'DATA'}
//   dependency-without-input job_type=None: loads
//   output-without-spec-output job_type=None: ValidationError: Value error, Contract outputs missing from spec outputs: {'OUT'}
//   variant-input-without-dependency job_type=None: loads
//   variant-input-without-dependency job_type=training: ValidationError: Value error, Contract inputs missing from spec dependencies: {'DATA'}
//
// 2. `cursus dag validate` with the package's tabular_preprocessing.step.yaml given a contract input `EXTRA`
//    (no spec dependency); `get_step_interface()` (step_catalog/step_catalog.py 723-775) swallows the error and
//    returns None, so `_validate_component_availability()` (api/dag/pipeline_dag_resolver.py 541-580) reports:
//
//   $ cursus dag validate uses.dag.json     # CradleDataLoading_training -> TabularPreprocessing_training -> XGBoostTraining
//   ❌ DAG has integrity issues:
//     missing_components:
//       - Step 'TabularPreprocessing_training' missing components: ['contract', 'spec']
//   exit 1
//   $ cursus dag validate other.dag.json    # CradleDataLoading_training -> XGBoostTraining
//   ✅ DAG is valid (no integrity issues found).
//   $ cursus dag validate base.dag.json     # TabularPreprocessing, TabularPreprocessing_calibration -> XGBoostTraining
//       - Step 'TabularPreprocessing' missing components: ['contract', 'spec']
//       - Step 'TabularPreprocessing_calibration' missing components: ['contract', 'spec']
//
//    With the base intact and `EXTRA` only under `variants: {calibration: {contract: {inputs: ...}}}`, base.dag.json
//    reports only `Step 'TabularPreprocessing_calibration' missing components: ['contract', 'spec']`.
import { strict as assert } from 'node:assert';
import { checkDiagnostics } from '../../helpers';

const CODES = ['RL019', 'RL060'];

const CORE = `
//- /src/cursus/step_catalog/builder_discovery.py
class BuilderAutoDiscovery:
    def _synthesize_builder(self, step_name):
        pass
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {}
//- /src/cursus/core/base/builder_templates.py
@register_strategy(axis="step_assembly", name="code")
class ProcessingCodeHandler:
    pass
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry:
  sagemaker_step_type: Processing
contract:
  entry_point: null
spec: {}
`;

describe('conformance: an interface cursus refuses (StepInterface._sync_and_align)', () => {
  it('is an error on the contract channel, and each DAG node loading it lacks its contract and spec', async () => {
    const found = await checkDiagnostics(
      `${CORE}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry:
  sagemaker_step_type: Processing
contract:
  entry_point: null
  inputs:
    DATA: {path: /opt/ml/processing/input/data}
    EXTRA: {path: /opt/ml/processing/input/extra}
#   ^^^^^ RL019 Contract inputs 'EXTRA' has no spec.dependencies entry
spec:
  dependencies:
    DATA: {type: processing_output}
//- /projects/p/uses.dag.json
{"dag": {"nodes": ["TabularPreprocessing", "TabularPreprocessing_training", "XGBoostTraining"],
#                  ^^^^^^^^^^^^^^^^^^^^^^ RL060 Step 'TabularPreprocessing' missing components: ['contract', 'spec']
#                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL060 fails to load for job type 'training'
  "edges": [["TabularPreprocessing", "XGBoostTraining"], ["TabularPreprocessing_training", "XGBoostTraining"]]}}
//- /projects/p/other.dag.json
{"dag": {"nodes": ["XGBoostTraining", "XGBoostTraining_x"], "edges": [["XGBoostTraining", "XGBoostTraining_x"]]}}
//- /projects/p/build.py
from cursus.api.dag.base_dag import PipelineDAG
dag = PipelineDAG(nodes=["TabularPreprocessing_calibration", "XGBoostTraining"])
#                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL060 Contract inputs missing from spec dependencies: {'EXTRA'}
dag.add_edge("TabularPreprocessing_calibration", "XGBoostTraining")
`,
      {},
      { only: CODES },
    );
    assert.ok(found.filter((d) => d.code === 'RL019').every((d) => d.severity === 'error'));
    // The node points at the channel the interface is refused for.
    const node = found.find((d) => d.file === 'projects/p/uses.dag.json');
    assert.deepEqual(
      node?.related.map((r) => [r.file, r.range.start.line, r.range.start.character]),
      [['src/cursus/steps/interfaces/tabular_preprocessing.step.yaml', 7, 4]],
    );
  });

  it("a variant's refusal fails only the nodes of that job type, and a variant can mend the base", async () => {
    await checkDiagnostics(
      `${CORE}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry:
  sagemaker_step_type: Processing
contract:
  entry_point: null
  outputs:
    OUT: {path: /opt/ml/processing/output}
#   ^^^ RL019 Contract outputs 'OUT' has no spec.outputs entry
spec: {}
variants:
  calibration:
    contract:
      inputs:
        EXTRA: {path: /opt/ml/processing/input/extra}
#       ^^^^^ RL019 (job type 'calibration')
    spec:
      outputs:
        OUT: {type: processing_output}
  training:
    spec:
      outputs:
        OUT: {type: processing_output}
//- /projects/p/base.dag.json
{"dag": {"nodes": ["TabularPreprocessing_training", "TabularPreprocessing_calibration", "TabularPreprocessing_munged", "XGBoostTraining"],
#                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL060 Contract inputs missing from spec dependencies: {'EXTRA'}
#                                                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL060 Contract outputs missing from spec outputs: {'OUT'}
  "edges": [["TabularPreprocessing_training", "XGBoostTraining"], ["TabularPreprocessing_calibration", "XGBoostTraining"],
    ["TabularPreprocessing_munged", "XGBoostTraining"]]}}
`,
      {},
      { only: CODES },
    );
  });
});
