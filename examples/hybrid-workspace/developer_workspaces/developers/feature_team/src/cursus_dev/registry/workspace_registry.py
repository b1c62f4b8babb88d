"""
Workspace registry for feature_team.

The feature team curates shared feature tables and offers a step that joins them onto a
training dataset. Other teams depend on it before it is promoted to the core registry.
"""

LOCAL_STEPS = {
    "SharedFeatureJoin": {
        "config_class": "SharedFeatureJoinConfig",
        "builder_step_name": "SharedFeatureJoinStepBuilder",
        "spec_type": "SharedFeatureJoin",
        "sagemaker_step_type": "Processing",
        "description": "Joins the team's curated feature tables onto a training dataset",
        "framework": "pandas",
        "job_types": ["training", "calibration"],
        "environment_tags": ["production", "cpu"],
    },
}

STEP_OVERRIDES = {}

WORKSPACE_METADATA = {
    "developer_id": "feature_team",
    "version": "2.4.0",
    "description": "Shared feature engineering steps",
    "dependencies": ["pandas>=1.3.0", "pyarrow>=14.0.0"],
    "default_resolution_strategy": "workspace_priority",
    "preferred_frameworks": ["pandas"],
    "environment_preferences": ["production", "cpu"],
    "conflict_tolerance": "medium",
}
