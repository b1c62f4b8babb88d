"""
Hyperparameter Prep step builder.

Hyperparameter preparation step.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.lambda_step import LambdaStep, LambdaOutput, LambdaOutputTypeEnum
from sagemaker.workflow.steps import Step
from sagemaker.lambda_helper import Lambda

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_hyperparameter_prep_step import HyperparameterPrepConfig

logger = logging.getLogger(__name__)


class HyperparameterPrepStepBuilder(StepBuilderBase):
    """
    Builder for the Hyperparameter Prep step.

    Turns a HyperparameterPrepConfig into a SageMaker LambdaStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: HyperparameterPrepConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, HyperparameterPrepConfig):
            raise ValueError("HyperparameterPrepStepBuilder requires a HyperparameterPrepConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: HyperparameterPrepConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating HyperparameterPrepConfig...")
        for attr in (
            "lambda_function_arn",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"HyperparameterPrepConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the LambdaStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        step = LambdaStep(
            name=self._get_step_name(),
            lambda_func=Lambda(function_arn=self.config.lambda_function_arn, session=self.session),
            inputs=self._get_inputs(inputs),
            outputs=[LambdaOutput(output_name="status", output_type=LambdaOutputTypeEnum.String)],
            depends_on=dependencies,
        )
        setattr(step, "_spec", self.spec)
        return step
