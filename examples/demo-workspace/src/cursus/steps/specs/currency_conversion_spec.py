"""
Step specification for Currency Conversion.
"""

from ...core.base.specification_base import StepSpecification, DependencySpec, OutputSpec, DependencyType, NodeType
from ...registry.step_names import get_spec_step_type
from ..contracts.currency_conversion_contract import CURRENCY_CONVERSION_CONTRACT

CURRENCY_CONVERSION_SPEC = StepSpecification(
    step_type=get_spec_step_type("CurrencyConversion"),
    node_type=NodeType.INTERNAL,
    script_contract=CURRENCY_CONVERSION_CONTRACT,
    dependencies=[
        DependencySpec(
            logical_name="data_input",
            dependency_type=DependencyType.PROCESSING_OUTPUT,
            required=True,
            compatible_sources=["TabularPreprocessing", "RiskTableMapping"],
            data_type="S3Uri",
        ),
    ],
    outputs=[
        OutputSpec(
            logical_name="converted_data",
            output_type=DependencyType.PROCESSING_OUTPUT,
            property_path="properties.ProcessingOutputConfig.Outputs['converted_data'].S3Output.S3Uri",
            data_type="S3Uri",
        ),
    ],
)
