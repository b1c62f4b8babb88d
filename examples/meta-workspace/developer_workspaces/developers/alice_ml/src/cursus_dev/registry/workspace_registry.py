"""Alice's workspace: a local feature-store step and her own calibration."""

WORKSPACE_METADATA = {
    "developer_id": "alice_ml",
    "version": "1.0.0",
    "description": "Feature store integration",
    # Names of entries become edges of the dependency graph; package requirements are ignored.
    "dependencies": ["TabularPreprocessing", "pandas>=1.3.0"],
}

LOCAL_STEPS = {
    "FeatureStoreSync": {
        "config_class": "FeatureStoreSyncConfig",
        "builder_step_name": "FeatureStoreSyncStepBuilder",
        "spec_type": "FeatureStoreSync",
        "sagemaker_step_type": "Processing",
        "description": "Syncs engineered features to the feature store",
    },
}

STEP_OVERRIDES = {
    "ModelCalibration": {
        "config_class": "ModelCalibrationConfig",
        "builder_step_name": "IsotonicCalibrationStepBuilder",
        "spec_type": "ModelCalibration",
        "sagemaker_step_type": "Processing",
        "description": "Isotonic calibration (no dependency on training, so no cycle in this context)",
    },
}
