// The cursus workspace the LSP tests run on: a core registry with its builders and configs, and two
// developer workspaces. Written with the engine tests' inline-fixture syntax; `# ^^^ label` lines
// name the ranges the tests assert.
import { parseFixture, type Annotation } from '../engine/fixture';
import type { Range } from '../../server/src/engine/types';

export const CORE = 'src/cursus/registry/step_names.py';
export const XGB_BUILDER = 'src/cursus/steps/builders/builder_xgboost_training_step.py';
export const ALICE = 'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py';
export const BOB = 'developer_workspaces/developers/bob/src/cursus_dev/registry/workspace_registry.py';

export const FIXTURE = parseFixture(`
  //- /${CORE}
  STEP_NAMES = {
      "XGBoostTraining": {
  #   ^^^^^^^^^^^^^^^^^ core-xgb-key
          "config_class": "XGBoostTrainingConfig",
          "builder_step_name": "XGBoostTrainingStepBuilder",
      #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ core-xgb-builder
          "spec_type": "XGBoostTraining",
          "sagemaker_step_type": "Training",
          "description": "XGBoost model training step",
      },
      "Package": {
  #   ^^^^^^^^^ core-package-key
          "config_class": "PackageConfig",
          "builder_step_name": "PackageStepBuilder",
          "spec_type": "Package",
          "sagemaker_step_type": "Processing",
          "description": "Model packaging step",
      },
  }
  //- /${XGB_BUILDER}
  class XGBoostTrainingStepBuilder(StepBuilderBase):
  #     ^^^^^^^^^^^^^^^^^^^^^^^^^^ xgb-builder-class
      pass
  //- /src/cursus/steps/configs/config_xgboost_training_step.py
  class XGBoostTrainingConfig(BasePipelineConfig):
      pass
  //- /src/cursus/steps/builders/builder_package_step.py
  class PackageStepBuilder:
      pass
  //- /src/cursus/steps/configs/config_package_step.py
  class PackageConfig:
      pass
  //- /${ALICE}
  WORKSPACE_METADATA = {"developer_id": "alice", "version": "1.0.0", "description": "Alice's workspace"}
  LOCAL_STEPS = {
      "AliceFeature": {
          "sagemaker_step_type": "Utility",
          "description": "Alice's feature step",
      },
  }
  STEP_OVERRIDES = {
      "Package": {
  #   ^^^^^^^^^ alice-package-key
          "config_class": "PackageConfig",
          "builder_step_name": "PackageStepBuilder",
          "spec_type": "Package",
          "sagemaker_step_type": "Processing",
          "description": "Alice's packaging",
      },
  }
  //- /${BOB}
  WORKSPACE_METADATA = {"developer_id": "bob", "version": "1.0.0", "description": "Bob's workspace"}
  LOCAL_STEPS = {
      "BobScoring": {
  #   ^^^^^^^^^^^^ bob-scoring-key
          "sagemaker_step_type": "Utility",
          "description": "Bob's scoring",
      },
  }
  STEP_OVERRIDES = {
      "Pakage": {"sagemaker_step_type": "Utility", "description": "typo of Package"},
  #   ^^^^^^^^ bob-pakage-key
  }
`);

/** The range annotated with `label`. */
export function range(label: string): Range {
  const found: Annotation | undefined = FIXTURE.annotations.find((a) => a.label === label);
  if (found === undefined) throw new Error(`no annotation '${label}' in the fixture`);
  return found.range;
}

export function text(file: string): string {
  const t = FIXTURE.files.get(file);
  if (t === undefined) throw new Error(`no file ${file} in the fixture`);
  return t;
}

/** Position of the line after the first line of `file` that starts with `prefix`. */
export function lineAfter(file: string, prefix: string): number {
  const line = text(file)
    .split('\n')
    .findIndex((l) => l.startsWith(prefix));
  if (line < 0) throw new Error(`no line '${prefix}' in ${file}`);
  return line + 1;
}
