"""
Workspace registry for bob_nlp.

Bob builds text models: tokenization and sentence embeddings feeding XGBoost, plus a
transformer fine-tuning override of the core PyTorchTraining step.
"""

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    # seeded: RL002 "ModelEvaluation" is also a local step of alice_ml
    "ModelEvaluation": {
        "config_class": "TransformerModelEvaluationConfig",
        "builder_step_name": "TransformerModelEvaluationStepBuilder",
        "spec_type": "TransformerModelEvaluation",
        "sagemaker_step_type": "Processing",
        "description": "Evaluation of transformer text classifiers (accuracy, macro-F1, calibration)",
        "framework": "pytorch",
        "job_types": ["calibration", "testing"],
        "environment_tags": ["development", "gpu"],
        "priority": 85,
    },
    "SentenceEmbedding": {
        "config_class": "SentenceEmbeddingConfig",
        "builder_step_name": "SentenceEmbeddingStepBuilder",
        "spec_type": "SentenceEmbedding",
        "sagemaker_step_type": "Processing",
        "description": "Computes sentence embeddings for free-text fields",
        "framework": "pytorch",
        "environment_tags": ["development", "gpu"],
        # seeded: RL030 doubled comma: a syntax error confined to this entry
        "priority": 90,,
    },
    "BertTokenization": {
        "config_class": "BertTokenizationConfig",
        "builder_step_name": "BertTokenizationStepBuilder",
        "spec_type": "BertTokenization",
        "sagemaker_step_type": "Processing",
        "description": "Tokenizes text columns with a BERT WordPiece tokenizer",
        "framework": "pytorch",
        # seeded: RL008 job_types must be a list of strings, not a string
        "job_types": "training",
        "environment_tags": ["development", "cpu"],
    },
    "TextTabularPreprocessing": {
        # seeded: RL011 TabularPreprocessingConfig already belongs to the core TabularPreprocessing step
        "config_class": "TabularPreprocessingConfig",
        "builder_step_name": "TextTabularPreprocessingStepBuilder",
        "spec_type": "TextTabularPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Tabular preprocessing that keeps raw text columns for downstream tokenization",
        "framework": "pandas",
        "job_types": ["training", "validation", "testing"],
    },
}

# Step overrides (replace core step definitions in this workspace only)
STEP_OVERRIDES = {
    # seeded: RL004 override of a step core does not define (typo of "XGBoostTraining")
    "XGBoostTrainng": {
        "config_class": "NlpXGBoostTrainingConfig",
        "builder_step_name": "NlpXGBoostTrainingStepBuilder",
        "spec_type": "NlpXGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "XGBoost training on text-derived features",
        "framework": "xgboost",
        "environment_tags": ["production", "cpu"],
        "priority": 80,
    },
    "PyTorchTraining": {
        "config_class": "TransformerTrainingConfig",
        "builder_step_name": "TransformerTrainingStepBuilder",
        "spec_type": "TransformerTraining",
        "sagemaker_step_type": "Training",
        "description": "Fine-tunes a pretrained transformer (Hugging Face) with PyTorch",
        "framework": "pytorch",
        "framework_version": "2.1.0",
        "environment_tags": ["training", "gpu"],
        "compatibility_tags": ["nlp", "transformers"],
        "priority": 70,
        "conflict_resolution_strategy": "workspace_priority",
    },
}

# Workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "bob_nlp",
    "version": "0.9.1",
    "description": "NLP pipeline extensions (tokenization, embeddings, transformer fine-tuning)",
    "dependencies": ["pandas>=1.3.0", "transformers>=4.36.0", "sentence-transformers>=2.2.0"],
    # Conflict resolution preferences
    "default_resolution_strategy": "workspace_priority",
    "preferred_frameworks": ["pytorch", "xgboost"],
    "environment_preferences": ["development", "gpu"],
    "conflict_tolerance": "medium",
}
