// A small, clean cursus core (two steps with their builders and configs) that engine tests build on.

export const CORE_COMPONENTS = `
//- /src/cursus/steps/builders/builder_xgboost_training_step.py
class XGBoostTrainingStepBuilder(StepBuilderBase):
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
`;

export const CORE = `
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "XGBoostTraining": {
        "config_class": "XGBoostTrainingConfig",
        "builder_step_name": "XGBoostTrainingStepBuilder",
        "spec_type": "XGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "XGBoost model training step",
    },
    "Package": {
        "config_class": "PackageConfig",
        "builder_step_name": "PackageStepBuilder",
        "spec_type": "Package",
        "sagemaker_step_type": "Processing",
        "description": "Model packaging step",
    },
}
${CORE_COMPONENTS}`;
