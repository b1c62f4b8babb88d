"""
Cradle Data Loading step builder.

Cradle data loading step.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import Step
from secure_ai_sandbox_workflow_python_sdk.cradle_data_loading.cradle_data_loading_step import CradleDataLoadingStep

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_cradle_data_loading_step import CradleDataLoadingConfig

logger = logging.getLogger(__name__)


class CradleDataLoadingStepBuilder(StepBuilderBase):
    """
    Builder for the Cradle Data Loading step.

    Turns a CradleDataLoadingConfig into a SageMaker CradleDataLoadingStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: CradleDataLoadingConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, CradleDataLoadingConfig):
            raise ValueError("CradleDataLoadingStepBuilder requires a CradleDataLoadingConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: CradleDataLoadingConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating CradleDataLoadingConfig...")
        for attr in (
            "data_sources_spec",
            "transform_spec",
            "output_spec",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"CradleDataLoadingConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the CradleDataLoadingStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        step = CradleDataLoadingStep(
            step_name=self._get_step_name(),
            role=self.role,
            sagemaker_session=self.session,
        )
        step.add_depends_on(dependencies)
        self.request_dict = self.config.build_request()
        setattr(step, "_spec", self.spec)
        return step
