"""
Step specification for Risk Table Mapping.
"""

from ...core.base.specification_base import StepSpecification, DependencySpec, OutputSpec, DependencyType, NodeType
from ...registry.step_names import get_spec_step_type
from ..contracts.risk_table_mapping_contract import RISK_TABLE_MAPPING_CONTRACT

RISK_TABLE_MAPPING_SPEC = StepSpecification(
    step_type=get_spec_step_type("RiskTableMapping"),
    node_type=NodeType.INTERNAL,
    script_contract=RISK_TABLE_MAPPING_CONTRACT,
    dependencies=[
        DependencySpec(
            logical_name="data_input",
            dependency_type=DependencyType.PROCESSING_OUTPUT,
            required=True,
            compatible_sources=["TabularPreprocessing", "RiskTableMapping"],
            data_type="S3Uri",
        ),
        DependencySpec(
            logical_name="hyperparameters_s3_uri",
            dependency_type=DependencyType.HYPERPARAMETERS,
            required=False,
            compatible_sources=["HyperparameterPrep"],
            data_type="S3Uri",
        ),
    ],
    outputs=[
        OutputSpec(
            logical_name="processed_data",
            output_type=DependencyType.PROCESSING_OUTPUT,
            property_path="properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
            data_type="S3Uri",
        ),
        OutputSpec(
            logical_name="risk_tables",
            output_type=DependencyType.PROCESSING_OUTPUT,
            property_path="properties.ProcessingOutputConfig.Outputs['risk_tables'].S3Output.S3Uri",
            data_type="S3Uri",
        ),
    ],
)
