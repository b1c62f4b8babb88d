"""
Tabular Preprocessing step builder.

Tabular data preprocessing step.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import ProcessingStep, Step
from sagemaker.sklearn import SKLearnProcessor

from ...core.base.builder_base import StepBuilderBase
from ..configs.config_tabular_preprocessing_step import TabularPreprocessingConfig
from ..specs.tabular_preprocessing_spec import TABULAR_PREPROCESSING_SPEC

logger = logging.getLogger(__name__)


class TabularPreprocessingStepBuilder(StepBuilderBase):
    """
    Builder for the Tabular Preprocessing step.

    Turns a TabularPreprocessingConfig into a SageMaker ProcessingStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: TabularPreprocessingConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, TabularPreprocessingConfig):
            raise ValueError("TabularPreprocessingStepBuilder requires a TabularPreprocessingConfig instance.")
        super().__init__(
            config=config,
            spec=TABULAR_PREPROCESSING_SPEC,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: TabularPreprocessingConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating TabularPreprocessingConfig...")
        for attr in (
            "processing_entry_point",
            "processing_instance_count",
            "processing_volume_size",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"TabularPreprocessingConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the ProcessingStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        processor = SKLearnProcessor(
            framework_version=self.config.processing_framework_version,
            role=self.role,
            instance_type=self.config.get_instance_type(),
            instance_count=self.config.processing_instance_count,
            volume_size_in_gb=self.config.processing_volume_size,
            base_job_name=self._generate_job_name(),
            sagemaker_session=self.session,
            env=self._get_environment_variables(),
        )
        step_args = processor.run(
            code=self.config.get_script_path(),
            inputs=self._get_inputs(inputs),
            outputs=self._get_outputs(outputs),
            arguments=self._get_job_arguments(),
        )
        step = ProcessingStep(
            name=self._get_step_name(),
            step_args=step_args,
            depends_on=dependencies,
            cache_config=self._get_cache_config(enable_caching),
        )
        setattr(step, "_spec", self.spec)
        return step
