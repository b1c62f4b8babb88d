"""
Script contract for the Package script.

Declares the container paths and environment variables the script relies on, so that
alignment validation can compare script, contract, specification and builder.
"""

from ...core.base.contract_base import ScriptContract

PACKAGE_CONTRACT = ScriptContract(
    entry_point="package.py",
    expected_input_paths={
        "model_input": "/opt/ml/processing/input/model_input",
        "inference_scripts_input": "/opt/ml/processing/input/inference_scripts_input",
    },
    expected_output_paths={
        "packaged_model": "/opt/ml/processing/output/packaged_model",
    },
    required_env_vars=["LABEL_FIELD"],
    optional_env_vars={"ID_FIELD": "id", "MARKETPLACE_ID_COL": "marketplace_id"},
    framework_requirements={"pandas": ">=1.3.0", "scikit-learn": ">=1.0.0"},
    description="Contract for the Package script",
)
