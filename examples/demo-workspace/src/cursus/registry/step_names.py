"""
Central registry for all pipeline step names.

Single source of truth for step naming across configs, builders and specifications.
Every step is registered once under its canonical name; the derived mappings at the
bottom of this module (CONFIG_STEP_REGISTRY, BUILDER_STEP_NAMES, SPEC_STEP_TYPES) are
what the config base class, the builder base class and the specification loader use.

Developer workspaces extend this registry through
``developer_workspaces/developers/<dev>/src/cursus_dev/registry/workspace_registry.py``
(LOCAL_STEPS / STEP_OVERRIDES); they never edit this file directly.
"""

from typing import Dict, Any, List, Optional

# Core step name registry - canonical names used throughout the system
STEP_NAMES: Dict[str, Dict[str, Any]] = {
    "Base": {
        "config_class": "BasePipelineConfig",
        # seeded: RL012 builder class name does not end with "StepBuilder" (the real base class is named this way)
        "builder_step_name": "StepBuilderBase",
        "spec_type": "Base",
        "sagemaker_step_type": "Base",  # Special case: abstract base, no SageMaker step
        "description": "Base pipeline configuration",
    },
    # ------------------------------------------------------------------ Data Loading Steps
    "CradleDataLoading": {
        "config_class": "CradleDataLoadingConfig",
        "builder_step_name": "CradleDataLoadingStepBuilder",
        "spec_type": "CradleDataLoading",
        "sagemaker_step_type": "CradleDataLoading",
        "description": "Cradle data loading step",
        "job_types": ["training", "validation", "testing", "calibration"],
        "environment_tags": ["production", "cpu"],
    },
    "DummyDataLoading": {
        "config_class": "DummyDataLoadingConfig",
        "builder_step_name": "DummyDataLoadingStepBuilder",
        "spec_type": "DummyDataLoading",
        "sagemaker_step_type": "Processing",
        "description": "Dummy data loading step that processes user-provided data instead of calling Cradle services",
        "environment_tags": ["development", "cpu"],
    },
    # ------------------------------------------------------------------ Processing Steps
    "TabularPreprocessing": {
        "config_class": "TabularPreprocessingConfig",
        "builder_step_name": "TabularPreprocessingStepBuilder",
        "spec_type": "TabularPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Tabular data preprocessing step",
        "framework": "pandas",
        "job_types": ["training", "validation", "testing", "calibration"],
    },
    "TemporalSequenceNormalization": {
        "config_class": "TemporalSequenceNormalizationConfig",
        "builder_step_name": "TemporalSequenceNormalizationStepBuilder",
        "spec_type": "TemporalSequenceNormalization",
        "sagemaker_step_type": "Processing",
        "description": "Temporal sequence normalization step with configurable sequence operations",
        "framework": "pandas",
    },
    "TemporalFeatureEngineering": {
        "config_class": "TemporalFeatureEngineeringConfig",
        "builder_step_name": "TemporalFeatureEngineeringStepBuilder",
        "spec_type": "TemporalFeatureEngineering",
        "sagemaker_step_type": "Processing",
        "description": "Extracts temporal features from normalized sequences",
        "framework": "pandas",
    },
    "StratifiedSampling": {
        "config_class": "StratifiedSamplingConfig",
        "builder_step_name": "StratifiedSamplingStepBuilder",
        "spec_type": "StratifiedSampling",
        "sagemaker_step_type": "Processing",
        "description": "Stratified sampling with allocation strategies for class imbalance and variance optimization",
        "job_types": ["training", "validation"],
    },
    "RiskTableMapping": {
        "config_class": "RiskTableMappingConfig",
        "builder_step_name": "RiskTableMappingStepBuilder",
        "spec_type": "RiskTableMapping",
        "sagemaker_step_type": "Processing",
        "description": "Risk table mapping step for categorical features",
        "job_types": ["training", "validation", "testing", "calibration"],
    },
    "MissingValueImputation": {
        "config_class": "MissingValueImputationConfig",
        "builder_step_name": "MissingValueImputationStepBuilder",
        "spec_type": "MissingValueImputation",
        "sagemaker_step_type": "Processing",
        "description": "Missing value imputation using statistical methods (mean, median, mode, constant)",
        "framework": "scikit-learn",
    },
    "FeatureSelection": {
        "config_class": "FeatureSelectionConfig",
        "builder_step_name": "FeatureSelectionStepBuilder",
        "spec_type": "FeatureSelection",
        "sagemaker_step_type": "Processing",
        "description": "Feature selection using statistical and model-based methods with ensemble combination",
        "framework": "scikit-learn",
    },
    "CurrencyConversion": {
        "config_class": "CurrencyConversionConfig",
        "builder_step_name": "CurrencyConversionStepBuilder",
        "spec_type": "CurrencyConversion",
        "sagemaker_step_type": "Processing",
        "description": "Currency conversion processing step",
        "job_types": ["training", "validation", "testing", "calibration"],
    },
    "DuplicateRecordRemoval": {
        "config_class": "DuplicateRecordRemovalConfig",
        "builder_step_name": "DuplicateRecordRemovalStepBuilder",
        "spec_type": "DuplicateRecordRemoval",
        "sagemaker_step_type": "Processing",
        "description": "Removes duplicate records by primary key, keeping the most recent event",
    },
    "DataQualityCheck": {
        "config_class": "DataQualityCheckConfig",
        "builder_step_name": "DataQualityCheckStepBuilder",
        "spec_type": "DataQualityCheck",
        "sagemaker_step_type": "Processing",
        "description": "Validates schema, null ratios and value ranges before training",
        "environment_tags": ["production", "cpu"],
    },
    "LabelRulesetGeneration": {
        "config_class": "LabelRulesetGenerationConfig",
        "builder_step_name": "LabelRulesetGenerationStepBuilder",
        "spec_type": "LabelRulesetGeneration",
        "sagemaker_step_type": "Processing",
        "description": "Validates and optimizes a user-defined labeling ruleset",
    },
    "LabelRulesetExecution": {
        "config_class": "LabelRulesetExecutionConfig",
        "builder_step_name": "LabelRulesetExecutionStepBuilder",
        "spec_type": "LabelRulesetExecution",
        "sagemaker_step_type": "Processing",
        "description": "Applies a validated labeling ruleset to produce training labels",
        "job_types": ["training", "validation", "testing", "calibration"],
    },
    "ActiveSampleSelection": {
        "config_class": "ActiveSampleSelectionConfig",
        "builder_step_name": "ActiveSampleSelectionStepBuilder",
        "spec_type": "ActiveSampleSelection",
        "sagemaker_step_type": "Processing",
        "description": "Selects uncertain samples for labeling or semi-supervised learning",
    },
    "PseudoLabelMerge": {
        "config_class": "PseudoLabelMergeConfig",
        "builder_step_name": "PseudoLabelMergeStepBuilder",
        "spec_type": "PseudoLabelMerge",
        "sagemaker_step_type": "Processing",
        "description": "Merges labeled data with pseudo-labeled samples",
    },
    # ------------------------------------------------------------------ Training Steps
    "PyTorchTraining": {
        "config_class": "PyTorchTrainingConfig",
        "builder_step_name": "PyTorchTrainingStepBuilder",
        "spec_type": "PyTorchTraining",
        "sagemaker_step_type": "Training",
        # seeded: RL001 "description" is given twice; Python silently keeps the second one
        "description": "PyTorch model training step",
        "framework": "pytorch",
        "framework_version": "2.1.0",
        "environment_tags": ["training", "gpu"],
        "description": "PyTorch Lightning model training step",
    },
    "XGBoostTraining": {
        "config_class": "XGBoostTrainingConfig",
        "builder_step_name": "XGBoostTrainingStepBuilder",
        "spec_type": "XGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "XGBoost model training step",
        "framework": "xgboost",
        "framework_version": "1.7-1",
        "environment_tags": ["training", "cpu"],
        "priority": 100,
    },
    "LightGBMTraining": {
        "config_class": "LightGBMTrainingConfig",
        "builder_step_name": "LightGBMTrainingStepBuilder",
        "spec_type": "LightGBMTraining",
        "sagemaker_step_type": "Training",
        "description": "LightGBM model training step using the built-in algorithm",
        "framework": "lightgbm",
        "environment_tags": ["training", "cpu"],
    },
    "DummyTraining": {
        "config_class": "DummyTrainingConfig",
        "builder_step_name": "DummyTrainingStepBuilder",
        "spec_type": "DummyTraining",
        "sagemaker_step_type": "Processing",
        "description": "Training step that uses a pretrained model",
    },
    # ------------------------------------------------------------------ Evaluation Steps
    "XGBoostModelEval": {
        "config_class": "XGBoostModelEvalConfig",
        "builder_step_name": "XGBoostModelEvalStepBuilder",
        "spec_type": "XGBoostModelEval",
        "sagemaker_step_type": "Processing",
        "description": "XGBoost model evaluation step",
        "framework": "xgboost",
        "job_types": ["calibration", "testing"],
    },
    "XGBoostModelInference": {
        "config_class": "XGBoostModelInferenceConfig",
        "builder_step_name": "XGBoostModelInferenceStepBuilder",
        "spec_type": "XGBoostModelInference",
        "sagemaker_step_type": "Processing",
        "description": "XGBoost model inference step for prediction generation without metrics",
        "framework": "xgboost",
    },
    "PyTorchModelEval": {
        "config_class": "PyTorchModelEvalConfig",
        "builder_step_name": "PyTorchModelEvalStepBuilder",
        "spec_type": "PyTorchModelEval",
        "sagemaker_step_type": "Processing",
        "description": "PyTorch model evaluation step",
        "framework": "pytorch",
        "environment_tags": ["evaluation", "gpu"],
    },
    "PyTorchModelInference": {
        "config_class": "PyTorchModelInferenceConfig",
        "builder_step_name": "PyTorchModelInferenceStepBuilder",
        "spec_type": "PyTorchModelInference",
        "sagemaker_step_type": "Processing",
        "description": "PyTorch model inference step for prediction generation without metrics",
        "framework": "pytorch",
    },
    # seeded: RL008 required field "spec_type" is missing from this core step
    "ModelMetricsComputation": {
        "config_class": "ModelMetricsComputationConfig",
        "builder_step_name": "ModelMetricsComputationStepBuilder",
        "sagemaker_step_type": "Processing",
        "description": "Model metrics computation step for comprehensive performance evaluation",
    },
    "ModelWikiGenerator": {
        "config_class": "ModelWikiGeneratorConfig",
        # seeded: RL005 no class ModelWikiGeneratorStepBuilder exists under steps/builders/
        "builder_step_name": "ModelWikiGeneratorStepBuilder",
        "spec_type": "ModelWikiGenerator",
        "sagemaker_step_type": "Processing",
        "description": "Model wiki generator step for automated documentation creation",
    },
    # ------------------------------------------------------------------ Model Steps
    "PyTorchModel": {
        "config_class": "PyTorchModelConfig",
        "builder_step_name": "PyTorchModelStepBuilder",
        "spec_type": "PyTorchModel",
        "sagemaker_step_type": "CreateModel",
        "description": "PyTorch model creation step",
        "framework": "pytorch",
    },
    "XGBoostModel": {
        "config_class": "XGBoostModelConfig",
        "builder_step_name": "XGBoostModelStepBuilder",
        "spec_type": "XGBoostModel",
        "sagemaker_step_type": "CreateModel",
        "description": "XGBoost model creation step",
        "framework": "xgboost",
    },
    "LightGBMModel": {
        "config_class": "LightGBMModelConfig",
        "builder_step_name": "LightGBMModelStepBuilder",
        "spec_type": "LightGBMModel",
        "sagemaker_step_type": "CreateModel",
        "description": "LightGBM model creation step",
        "framework": "lightgbm",
    },
    # ------------------------------------------------------------------ Model Processing Steps
    "ModelCalibration": {
        "config_class": "ModelCalibrationConfig",
        "builder_step_name": "ModelCalibrationStepBuilder",
        "spec_type": "ModelCalibration",
        "sagemaker_step_type": "Processing",
        "description": "Calibrates model prediction scores to accurate probabilities",
        "job_types": ["calibration"],
    },
    "PercentileModelCalibration": {
        "config_class": "PercentileModelCalibrationConfig",
        "builder_step_name": "PercentileModelCalibrationStepBuilder",
        "spec_type": "PercentileModelCalibration",
        "sagemaker_step_type": "Processing",
        "description": "Creates a percentile mapping from model scores for consistent risk interpretation",
        "job_types": ["calibration"],
    },
    # ------------------------------------------------------------------ Deployment Steps
    "Package": {
        "config_class": "PackageConfig",
        "builder_step_name": "PackageStepBuilder",
        "spec_type": "Package",
        "sagemaker_step_type": "Processing",
        "description": "Model packaging step",
    },
    "Registration": {
        "config_class": "RegistrationConfig",
        "builder_step_name": "RegistrationStepBuilder",
        "spec_type": "Registration",
        "sagemaker_step_type": "MimsModelRegistrationProcessing",
        "description": "Model registration step",
        "environment_tags": ["production"],
    },
    "ModelPackageRegistration": {
        "config_class": "ModelPackageRegistrationConfig",
        "builder_step_name": "ModelPackageRegistrationStepBuilder",
        "spec_type": "ModelPackageRegistration",
        "sagemaker_step_type": "RegisterModel",
        "description": "Registers the model package in the SageMaker Model Registry",
        "environment_tags": ["production"],
    },
    "Payload": {
        "config_class": "PayloadConfig",
        "builder_step_name": "PayloadStepBuilder",
        "spec_type": "Payload",
        "sagemaker_step_type": "Processing",
        "description": "Payload testing step",
    },
    "DeploymentNotification": {
        "config_class": "DeploymentNotificationConfig",
        "builder_step_name": "DeploymentNotificationStepBuilder",
        "spec_type": "DeploymentNotification",
        "sagemaker_step_type": "Lambda",
        "description": "Notifies the owning team once a model version has been registered",
        "priority": 120,
    },
    # ------------------------------------------------------------------ Utility Steps
    "HyperparameterPrep": {
        "config_class": "HyperparameterPrepConfig",
        "builder_step_name": "HyperparameterPrepStepBuilder",
        "spec_type": "HyperparameterPrep",
        "sagemaker_step_type": "Lambda",  # Special classification
        "description": "Hyperparameter preparation step",
    },
    "PipelineConfigMerge": {
        "config_class": "PipelineConfigMergeConfig",
        "builder_step_name": "PipelineConfigMergeStepBuilder",
        "spec_type": "PipelineConfigMerge",
        "sagemaker_step_type": "Utility",  # Runs at compile time, creates no SageMaker step
        "description": "Merges and serializes step configurations into the pipeline config JSON",
    },
    # ------------------------------------------------------------------ Transform Steps
    "BatchTransform": {
        "config_class": "BatchTransformStepConfig",
        "builder_step_name": "BatchTransformStepBuilder",
        "spec_type": "BatchTransform",
        "sagemaker_step_type": "Transform",
        "description": "Batch transform step",
        "job_types": ["training", "validation", "testing", "calibration"],
    },
}

# Generate the mappings that existing code expects
CONFIG_STEP_REGISTRY = {info["config_class"]: step_name for step_name, info in STEP_NAMES.items()}

BUILDER_STEP_NAMES = {
    step_name: info["builder_step_name"] for step_name, info in STEP_NAMES.items()
}

# Generate step specification types
SPEC_STEP_TYPES = {
    step_name: info.get("spec_type", step_name) for step_name, info in STEP_NAMES.items()
}


def get_config_class_name(step_name: str) -> str:
    """Get the config class name for a step."""
    if step_name not in STEP_NAMES:
        raise ValueError(f"Unknown step name: {step_name}")
    return STEP_NAMES[step_name]["config_class"]


def get_builder_step_name(step_name: str) -> str:
    """Get the builder step class name for a step."""
    if step_name not in STEP_NAMES:
        raise ValueError(f"Unknown step name: {step_name}")
    return STEP_NAMES[step_name]["builder_step_name"]


def get_spec_step_type(step_name: str) -> str:
    """Get the specification type for a step (defaults to the step name)."""
    if step_name not in STEP_NAMES:
        raise ValueError(f"Unknown step name: {step_name}")
    return SPEC_STEP_TYPES[step_name]


def get_sagemaker_step_type(step_name: str) -> str:
    """Get the SageMaker step type for a step."""
    if step_name not in STEP_NAMES:
        raise ValueError(f"Unknown step name: {step_name}")
    return STEP_NAMES[step_name]["sagemaker_step_type"]


def get_steps_by_sagemaker_type(sagemaker_step_type: str) -> List[str]:
    """Get all step names that create a specific SageMaker step type."""
    return [
        step_name
        for step_name, info in STEP_NAMES.items()
        if info["sagemaker_step_type"] == sagemaker_step_type
    ]


def get_step_name_from_spec_type(spec_type: str) -> Optional[str]:
    """Get the canonical step name from a specification type (job-type suffixes removed)."""
    base_spec_type = spec_type.split("_")[0] if "_" in spec_type else spec_type
    reverse_mapping = {info: name for name, info in SPEC_STEP_TYPES.items()}
    return reverse_mapping.get(base_spec_type)


def get_all_step_names() -> List[str]:
    """Get all canonical step names."""
    return list(STEP_NAMES.keys())
