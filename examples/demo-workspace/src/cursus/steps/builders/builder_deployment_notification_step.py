"""
Deployment Notification step builder.

Notifies the owning team once a model version has been registered.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.lambda_step import LambdaStep, LambdaOutput, LambdaOutputTypeEnum
from sagemaker.workflow.steps import Step
from sagemaker.lambda_helper import Lambda

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_deployment_notification_step import DeploymentNotificationConfig

logger = logging.getLogger(__name__)


class DeploymentNotificationStepBuilder(StepBuilderBase):
    """
    Builder for the Deployment Notification step.

    Turns a DeploymentNotificationConfig into a SageMaker LambdaStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: DeploymentNotificationConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, DeploymentNotificationConfig):
            raise ValueError("DeploymentNotificationStepBuilder requires a DeploymentNotificationConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: DeploymentNotificationConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating DeploymentNotificationConfig...")
        for attr in (
            "lambda_function_arn",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"DeploymentNotificationConfig missing required attribute: {attr}")

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
