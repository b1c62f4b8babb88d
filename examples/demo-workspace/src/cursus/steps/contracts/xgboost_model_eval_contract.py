"""
Script contract for the XGBoost Model Eval script.

Declares the container paths and environment variables the script relies on, so that
alignment validation can compare script, contract, specification and builder.
"""

from ...core.base.contract_base import ScriptContract

XGBOOST_MODEL_EVAL_CONTRACT = ScriptContract(
    entry_point="xgboost_model_eval.py",
    expected_input_paths={
        "model_input": "/opt/ml/processing/input/model_input",
        "processed_data": "/opt/ml/processing/input/processed_data",
    },
    expected_output_paths={
        "eval_output": "/opt/ml/processing/output/eval_output",
        "metrics_output": "/opt/ml/processing/output/metrics_output",
    },
    required_env_vars=["LABEL_FIELD"],
    optional_env_vars={"ID_FIELD": "id", "MARKETPLACE_ID_COL": "marketplace_id"},
    framework_requirements={"pandas": ">=1.3.0", "scikit-learn": ">=1.0.0"},
    description="Contract for the XGBoost Model Eval script",
)
