"""
Script contract for the Tabular Preprocessing script.

Declares the container paths and environment variables the script relies on, so that
alignment validation can compare script, contract, specification and builder.
"""

from ...core.base.contract_base import ScriptContract

TABULAR_PREPROCESSING_CONTRACT = ScriptContract(
    entry_point="tabular_preprocessing.py",
    expected_input_paths={
        "DATA": "/opt/ml/processing/input/DATA",
    },
    expected_output_paths={
        "processed_data": "/opt/ml/processing/output/processed_data",
    },
    required_env_vars=["LABEL_FIELD"],
    optional_env_vars={"ID_FIELD": "id", "MARKETPLACE_ID_COL": "marketplace_id"},
    framework_requirements={"pandas": ">=1.3.0", "scikit-learn": ">=1.0.0"},
    description="Contract for the Tabular Preprocessing script",
)
