"""
Workspace registry for fraud_team.

The fraud team enriches transactions with chargeback labels. Their pipeline also uses the
feature team's SharedFeatureJoin step, which is registered only in feature_team's
workspace: it resolves in hybrid mode (other workspaces are consulted) but not in the
default isolated mode.
"""

LOCAL_STEPS = {
    "FraudLabelEnrichment": {
        "config_class": "FraudLabelEnrichmentConfig",
        "builder_step_name": "FraudLabelEnrichmentStepBuilder",
        "spec_type": "FraudLabelEnrichment",
        "sagemaker_step_type": "Processing",
        "description": "Joins chargeback outcomes onto transactions to build fraud labels",
        "framework": "pandas",
        "job_types": ["training", "calibration"],
        "environment_tags": ["production", "cpu"],
        "priority": 90,
    },
}

STEP_OVERRIDES = {}

WORKSPACE_METADATA = {
    "developer_id": "fraud_team",
    "version": "1.0.0",
    "description": "Fraud detection pipeline extensions",
    "dependencies": [
        "pandas>=1.3.0",
        # seeded: RL013 (hybrid mode only) resolved only through another workspace: feature_team's LOCAL_STEPS
        "SharedFeatureJoin",
    ],
    "default_resolution_strategy": "workspace_priority",
    "preferred_frameworks": ["xgboost", "pandas"],
    "environment_preferences": ["production", "cpu"],
    "conflict_tolerance": "low",
}
