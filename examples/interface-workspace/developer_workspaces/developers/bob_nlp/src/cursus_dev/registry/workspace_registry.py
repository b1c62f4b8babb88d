"""
Minimal local registry for bob_nlp workspace.
"""

# Local step definitions (TextEmbedding and TextSummarization are defined by their interfaces)
LOCAL_STEPS = {
}

# Step overrides
STEP_OVERRIDES = {
    "TabularPreprocessing": {
        "config_class": "TabularPreprocessingConfig",
        "builder_step_name": "TabularPreprocessingStepBuilder",
        "spec_type": "TabularPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Tabular preprocessing that also tokenizes text columns",
    },
}

# Workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "bob_nlp",
    "version": "1.0.0"
}
