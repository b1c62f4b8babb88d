"""
Script contract for the XGBoost Training script.

Declares the container paths and environment variables the script relies on, so that
alignment validation can compare script, contract, specification and builder.
"""

from ...core.base.contract_base import TrainingScriptContract

XGBOOST_TRAINING_CONTRACT = TrainingScriptContract(
    entry_point="train.py",
    expected_input_paths={
        "input_path": "/opt/ml/input/data/input_path",
        "hyperparameters_s3_uri": "/opt/ml/input/data/hyperparameters_s3_uri",
    },
    expected_output_paths={
        "model_output": "/opt/ml/model/model_output",
        "evaluation_output": "/opt/ml/model/evaluation_output",
    },
    required_env_vars=["LABEL_FIELD"],
    optional_env_vars={"ID_FIELD": "id", "MARKETPLACE_ID_COL": "marketplace_id"},
    framework_requirements={"pandas": ">=1.3.0", "scikit-learn": ">=1.0.0"},
    description="Contract for the XGBoost Training script",
)
