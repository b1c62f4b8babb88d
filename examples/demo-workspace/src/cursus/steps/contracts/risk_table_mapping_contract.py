"""
Script contract for the Risk Table Mapping script.

Declares the container paths and environment variables the script relies on, so that
alignment validation can compare script, contract, specification and builder.
"""

from ...core.base.contract_base import ScriptContract

RISK_TABLE_MAPPING_CONTRACT = ScriptContract(
    entry_point="risk_table_mapping.py",
    expected_input_paths={
        "data_input": "/opt/ml/processing/input/data_input",
        "hyperparameters_s3_uri": "/opt/ml/processing/input/hyperparameters_s3_uri",
    },
    expected_output_paths={
        "processed_data": "/opt/ml/processing/output/processed_data",
        "risk_tables": "/opt/ml/processing/output/risk_tables",
    },
    required_env_vars=["LABEL_FIELD"],
    optional_env_vars={"ID_FIELD": "id", "MARKETPLACE_ID_COL": "marketplace_id"},
    framework_requirements={"pandas": ">=1.3.0", "scikit-learn": ">=1.0.0"},
    description="Contract for the Risk Table Mapping script",
)
