"""
Workspace registry for aaron_dup.

Created by copying alice_ml's workspace registry.
Aaron has not registered any pipeline steps of his own yet.
"""

# Workspace-specific step definitions
LOCAL_STEPS = {
    "NotebookExport": {
        "config_class": "NotebookExportConfig",
        "builder_step_name": "NotebookExportStepBuilder",
        "sagemaker_step_type": "Utility",  # compile-time helper, creates no SageMaker step
        "description": "Exports the compiled pipeline definition as a runnable notebook",
    },
}

# Overrides for core step definitions
STEP_OVERRIDES = {}

# Workspace metadata
WORKSPACE_METADATA = {
    # seeded: RL015 developer_id copied from alice_ml's registry; two workspaces now share one id
    "developer_id": "alice_ml",
    "version": "0.1.0",
    "description": "Scratch workspace for pipeline experiments",
    "dependencies": ["pandas>=1.3.0"],
    "default_resolution_strategy": "workspace_priority",
    "preferred_frameworks": [],
    "environment_preferences": ["development"],
    "conflict_tolerance": "medium",
}
