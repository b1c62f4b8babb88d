"""
XGBoost Model step builder.

XGBoost model creation step.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import CreateModelStep, Step

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_xgboost_model_step import XGBoostModelConfig

logger = logging.getLogger(__name__)


class XGBoostModelStepBuilder(StepBuilderBase):
    """
    Builder for the XGBoost Model step.

    Turns a XGBoostModelConfig into a SageMaker CreateModelStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: XGBoostModelConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, XGBoostModelConfig):
            raise ValueError("XGBoostModelStepBuilder requires a XGBoostModelConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: XGBoostModelConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating XGBoostModelConfig...")
        for attr in (
            "instance_type",
            "entry_point",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"XGBoostModelConfig missing required attribute: {attr}")

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
