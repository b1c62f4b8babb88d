"""
Local registry for alice_ml workspace.
Simple format following redundancy evaluation guide principles.
"""

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    # Its contract and spec are in steps/interfaces/feature_join.step.yaml.
    "FeatureJoin": {
        "config_class": "FeatureJoinConfig",
        "builder_step_name": "FeatureJoinStepBuilder",
        "spec_type": "FeatureJoin",
        "sagemaker_step_type": "Processing",
        "description": "Joins engineered features onto the preprocessed data",
    },
    # seeded: RL034 -- no steps/interfaces/feature_audit.step.yaml: this cursus synthesizes every
    # builder from the step's interface and reads no builder file
    "FeatureAudit": {
        "config_class": "FeatureAuditConfig",
        "builder_step_name": "FeatureAuditStepBuilder",
        "spec_type": "FeatureAudit",
        "sagemaker_step_type": "Processing",
        "description": "Audits the joined features",
    },
}

# Step overrides (override core step definitions for this workspace)
STEP_OVERRIDES = {
    # The override from the cursus workspace template, enabled. The builder is synthesized from the
    # core interface of XGBoostTraining, so no builder class has to exist.
    "XGBoostTraining": {
        # seeded: RL006 -- no such class in this workspace's configs nor in core's
        "config_class": "CustomXGBoostTrainingConfig",
        "builder_step_name": "CustomXGBoostTrainingStepBuilder",
        "spec_type": "CustomXGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "Custom XGBoost implementation with enhanced features",
    },
}

# Simple workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "alice_ml",
    "version": "1.0.0",
    "description": "Custom ML pipeline extensions",
}
