"""
Registration step builder.

Model registration step.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import Step
from secure_ai_sandbox_workflow_python_sdk.mims_model_registration.mims_model_registration_processing_step import MimsModelRegistrationProcessingStep

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_registration_step import RegistrationConfig

logger = logging.getLogger(__name__)


class RegistrationStepBuilder(StepBuilderBase):
    """
    Builder for the Registration step.

    Turns a RegistrationConfig into a SageMaker MimsModelRegistrationProcessingStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: RegistrationConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, RegistrationConfig):
            raise ValueError("RegistrationStepBuilder requires a RegistrationConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: RegistrationConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating RegistrationConfig...")
        for attr in (
            "model_domain",
            "model_objective",
            "performance_metadata_location",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"RegistrationConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the MimsModelRegistrationProcessingStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        step = MimsModelRegistrationProcessingStep(
            step_name=self._get_step_name(),
            role=self.role,
            sagemaker_session=self.session,
            processing_input=self._get_inputs(inputs),
            performance_metadata_location=self.config.performance_metadata_location,
            depends_on=dependencies,
        )
        setattr(step, "_spec", self.spec)
        return step
