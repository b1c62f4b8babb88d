"""
Vision PyTorch Model step builder.

PyTorch model with a vision inference handler.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import CreateModelStep, Step

from cursus.core.base.builder_base import StepBuilderBase
from ..configs.config_vision_pytorch_model_step import VisionPyTorchModelConfig

logger = logging.getLogger(__name__)


class VisionPyTorchModelStepBuilder(StepBuilderBase):
    """
    Builder for the Vision PyTorch Model step.

    Turns a VisionPyTorchModelConfig into a SageMaker CreateModelStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: VisionPyTorchModelConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, VisionPyTorchModelConfig):
            raise ValueError("VisionPyTorchModelStepBuilder requires a VisionPyTorchModelConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: VisionPyTorchModelConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating VisionPyTorchModelConfig...")
        for attr in (
            "instance_type",
            "entry_point",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"VisionPyTorchModelConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the CreateModelStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        model = self._create_model(inputs["model_data"])
        step = CreateModelStep(
            name=self._get_step_name(),
            step_args=model.create(instance_type=self.config.instance_type),
            depends_on=dependencies,
        )
        setattr(step, "_spec", self.spec)
        return step
