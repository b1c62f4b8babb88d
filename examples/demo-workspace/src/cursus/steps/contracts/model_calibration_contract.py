"""
Script contract for the Model Calibration script.

Declares the container paths and environment variables the script relies on, so that
alignment validation can compare script, contract, specification and builder.
"""

from ...core.base.contract_base import ScriptContract

MODEL_CALIBRATION_CONTRACT = ScriptContract(
    entry_point="model_calibration.py",
    expected_input_paths={
        "evaluation_data": "/opt/ml/processing/input/evaluation_data",
    },
    expected_output_paths={
        "calibration_output": "/opt/ml/processing/output/calibration_output",
        "metrics_output": "/opt/ml/processing/output/metrics_output",
    },
    required_env_vars=["LABEL_FIELD"],
    optional_env_vars={"ID_FIELD": "id", "MARKETPLACE_ID_COL": "marketplace_id"},
    framework_requirements={"pandas": ">=1.3.0", "scikit-learn": ">=1.0.0"},
    description="Contract for the Model Calibration script",
)
