"""
Model Package Registration step builder.

Registers the model package in the SageMaker Model Registry.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.step_collections import RegisterModel
from sagemaker.workflow.steps import Step

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_model_package_registration_step import ModelPackageRegistrationConfig

logger = logging.getLogger(__name__)


class ModelPackageRegistrationStepBuilder(StepBuilderBase):
    """
    Builder for the Model Package Registration step.

    Turns a ModelPackageRegistrationConfig into a SageMaker RegisterModel, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: ModelPackageRegistrationConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, ModelPackageRegistrationConfig):
            raise ValueError("ModelPackageRegistrationStepBuilder requires a ModelPackageRegistrationConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: ModelPackageRegistrationConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating ModelPackageRegistrationConfig...")
        for attr in (
            "model_package_group_name",
            "approval_status",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"ModelPackageRegistrationConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the RegisterModel."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        step = RegisterModel(
            name=self._get_step_name(),
            model_data=inputs["model_data"],
            content_types=["text/csv"],
            response_types=["text/csv"],
            inference_instances=self.config.inference_instances,
            transform_instances=self.config.transform_instances,
            model_package_group_name=self.config.model_package_group_name,
            approval_status=self.config.approval_status,
            depends_on=dependencies,
        )
        setattr(step, "_spec", self.spec)
        return step
