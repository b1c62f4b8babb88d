"""
Enhanced XGBoost Training step builder.

XGBoost training with custom hyperparameter optimization.
"""

from typing import Any, Dict, List, Optional
import logging

from sagemaker.workflow.steps import TrainingStep, Step
from sagemaker.inputs import TrainingInput
from sagemaker.xgboost import XGBoost

from cursus.core.base.builder_base import StepBuilderBase
from ..configs.config_enhanced_xgboost_training_step import EnhancedXGBoostTrainingConfig

logger = logging.getLogger(__name__)


class EnhancedXGBoostTrainingStepBuilder(StepBuilderBase):
    """
    Builder for the Enhanced XGBoost Training step.

    Turns a EnhancedXGBoostTrainingConfig into a SageMaker TrainingStep, wiring its inputs and
    outputs from the step specification.
    """

    def __init__(
        self,
        config: EnhancedXGBoostTrainingConfig,
        sagemaker_session=None,
        role: Optional[str] = None,
        registry_manager=None,
        dependency_resolver=None,
    ):
        if not isinstance(config, EnhancedXGBoostTrainingConfig):
            raise ValueError("EnhancedXGBoostTrainingStepBuilder requires a EnhancedXGBoostTrainingConfig instance.")
        super().__init__(
            config=config,
            spec=None,
            sagemaker_session=sagemaker_session,
            role=role,
            registry_manager=registry_manager,
            dependency_resolver=dependency_resolver,
        )
        self.config: EnhancedXGBoostTrainingConfig = config

    def validate_configuration(self) -> None:
        """Fail early when a required attribute is missing."""
        logger.info("Validating EnhancedXGBoostTrainingConfig...")
        for attr in (
            "training_entry_point",
            "training_instance_type",
            "training_instance_count",
        ):
            if not getattr(self.config, attr, None):
                raise ValueError(f"EnhancedXGBoostTrainingConfig missing required attribute: {attr}")

    def create_step(self, **kwargs) -> Step:
        """Create the TrainingStep."""
        inputs: Dict[str, Any] = kwargs.get("inputs", {})
        outputs: Dict[str, Any] = kwargs.get("outputs", {})
        dependencies: List[Step] = kwargs.get("dependencies", [])
        enable_caching: bool = kwargs.get("enable_caching", True)
        estimator = XGBoost(
            entry_point=self.config.training_entry_point,
            source_dir=self.config.source_dir,
            role=self.role,
            instance_type=self.config.training_instance_type,
            instance_count=self.config.training_instance_count,
            volume_size=self.config.training_volume_size,
            framework_version=self.config.framework_version,
            base_job_name=self._generate_job_name(),
            sagemaker_session=self.session,
            output_path=self.config.get_output_path(),
        )
        step = TrainingStep(
            name=self._get_step_name(),
            estimator=estimator,
            inputs=self._get_inputs(inputs),
            depends_on=dependencies,
            cache_config=self._get_cache_config(enable_caching),
        )
        setattr(step, "_spec", self.spec)
        return step
