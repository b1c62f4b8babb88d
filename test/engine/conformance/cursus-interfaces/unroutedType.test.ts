// Conformance: an interface whose `sagemaker_step_type` no build strategy registers gets no builder, and the
// value to change is that type. cursus at TianpeiLuke/cursus 6a2e2022 (Python 3.11.7; sagemaker stubbed):
// `_synthesize_builder()` returns None when `resolve_handler()` raises (step_catalog/builder_discovery.py
// 339-351); `resolve_handler()` is core/base/builder_templates.py:1272.
//
//   $ python -c 'from cursus.core.base.builder_templates import resolve_handler; ...'
//   Utility None -> NoBuilderError: 'Utility' on axis 'sagemaker_step_type' is not a routable construction strategy
//   Processing None -> ProcessingHandler
//   Training None -> TrainingHandler
import { checkDiagnostics } from '../../helpers';

describe('conformance: a sagemaker_step_type that routes to no build strategy (resolve_handler)', () => {
  it("RL034 sits on the interface's sagemaker_step_type value, not on step_type", async () => {
    await checkDiagnostics(
      `
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {}
//- /src/cursus/step_catalog/builder_discovery.py
class BuilderAutoDiscovery:
    def _synthesize_builder(self, step_name):
        pass
//- /src/cursus/core/base/builder_templates.py
@register_strategy(axis="sagemaker_step_type", name="Training")
class TrainingHandler:
    pass
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry:
  sagemaker_step_type: Utility
  #                    ^^^^^^^ RL034 its sagemaker_step_type 'Utility' routes to no build strategy
contract:
  entry_point: null
spec: {}
`,
      {},
      { only: ['RL034'] },
    );
  });
});
