"""
Batch Transform step builder.

Batch transform step.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import TransformStep, Step
from sagemaker.transformer import Transformer

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_batch_transform_step import BatchTransformStepConfig

logger = logging.getLogger(__name__)


class BatchTransformStepBuilder(StepBuilderBase):
    """
    Builder for the Batch Transform step.

    Turns a BatchTransformStepConfig into a SageMaker TransformStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: BatchTransformStepConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, BatchTransformStepConfig):
            raise ValueError("BatchTransformStepBuilder requires a BatchTransformStepConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: BatchTransformStepConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating BatchTransformStepConfig...")
        for attr in (
            "transform_instance_type",
            "transform_instance_count",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"BatchTransformStepConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the TransformStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        transformer = Transformer(
            model_name=inputs["model_name"],
            instance_type=self.config.transform_instance_type,
            instance_count=self.config.transform_instance_count,
            output_path=self.config.get_output_path(),
            accept=self.config.accept,
            assemble_with="Line",
            sagemaker_session=self.session,
        )
        step = TransformStep(
            name=self._get_step_name(),
            transformer=transformer,
            inputs=self._get_inputs(inputs),
            depends_on=dependencies,
        )
        setattr(step, "_spec", self.spec)
        return step
