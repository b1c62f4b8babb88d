"""
Workspace registry for alice_ml.

Alice works on tabular risk models: a polars-based preprocessing path, PyTorch Lightning
training and an XGBoost training override with custom hyperparameter optimization.
Steps registered here are visible only in the alice_ml workspace context; the core
registry (src/cursus/registry/step_names.py) is inherited unchanged otherwise.
"""

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    "PyTorchLightningTraining": {
        "config_class": "PyTorchLightningTrainingConfig",
        "builder_step_name": "PyTorchLightningTrainingStepBuilder",
        "spec_type": "PyTorchLightningTraining",
        "sagemaker_step_type": "Training",
        "description": "PyTorch Lightning training with mixed precision and early stopping",
        "framework": "pytorch",
        "framework_version": "2.1.0",
        "job_types": ["training"],
        "environment_tags": ["development", "gpu"],
        "compatibility_tags": ["tabular", "deep_learning"],
        "priority": 90,
        "conflict_resolution_strategy": "framework_match",
    },
    # seeded: RL002 "ModelEvaluation" is also a local step of bob_nlp
    "ModelEvaluation": {
        "config_class": "PyTorchModelEvaluationConfig",
        "builder_step_name": "PyTorchModelEvaluationStepBuilder",
        "spec_type": "PyTorchModelEvaluation",
        "sagemaker_step_type": "Processing",
        "description": "PyTorch model evaluation with calibration curves",
        "framework": "pytorch",
        "job_types": ["calibration", "testing"],
        "environment_tags": ["development", "gpu"],
        "priority": 85,
    },
    # seeded: RL003 "TabularPreprocessing" is a core step; this shadows it without being declared in STEP_OVERRIDES
    "TabularPreprocessing": {
        "config_class": "PolarsTabularPreprocessingConfig",
        "builder_step_name": "PolarsTabularPreprocessingStepBuilder",
        "spec_type": "PolarsTabularPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Tabular preprocessing implemented with polars for faster feature pipelines",
        "framework": "polars",
        "job_types": ["training", "validation", "testing", "calibration"],
        "environment_tags": ["development", "cpu", "memory_optimized"],
    },
    "FeatureStoreSync": {
        "config_class": "FeatureStoreSyncConfig",
        "builder_step_name": "FeatureStoreSyncStepBuilder",
        "spec_type": "FeatureStoreSync",
        # seeded: RL010 "ProcessingJob" is not a known sagemaker_step_type (did you mean "Processing"?)
        "sagemaker_step_type": "ProcessingJob",
        "description": "Publishes engineered features to SageMaker Feature Store",
        "environment_tags": ["development", "cpu"],
    },
    "ExperimentTracker": {
        "config_class": "ExperimentTrackerConfig",
        # seeded: RL016 misspelled field, should be "builder_step_name"
        "builder_stepname": "ExperimentTrackerStepBuilder",
        "spec_type": "ExperimentTracker",
        "sagemaker_step_type": "Utility",  # compile-time helper, creates no SageMaker step
        "description": "Records run parameters and metrics in SageMaker Experiments",
    },
}

# Step overrides (replace core step definitions in this workspace only)
STEP_OVERRIDES = {
    "XGBoostTraining": {
        "config_class": "EnhancedXGBoostTrainingConfig",
        "builder_step_name": "EnhancedXGBoostTrainingStepBuilder",
        "spec_type": "EnhancedXGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "XGBoost training with custom hyperparameter optimization and advanced early stopping",
        "framework": "xgboost",
        "framework_version": "1.7-1",
        "environment_tags": ["production", "cpu"],
        "compatibility_tags": ["enhanced", "custom_metrics"],
        "priority": 75,  # Higher priority than core (100)
        "conflict_resolution_strategy": "workspace_priority",
    },
}

# Workspace metadata
WORKSPACE_METADATA = {
    # seeded: RL015 aaron_dup's registry declares the same developer_id (reported on both files)
    "developer_id": "alice_ml",
    "version": "1.2.0",
    "description": "Tabular risk modelling extensions (polars preprocessing, Lightning training)",
    "dependencies": ["pandas>=1.3.0", "polars>=0.20.0", "pytorch-lightning>=2.1.0", "xgboost>=1.7.0"],
    # Conflict resolution preferences
    "default_resolution_strategy": "framework_match",
    "preferred_frameworks": ["xgboost", "pytorch", "polars"],
    "environment_preferences": ["development", "cpu", "memory_optimized"],
    "conflict_tolerance": "low",  # Fail fast on unresolvable conflicts
}
