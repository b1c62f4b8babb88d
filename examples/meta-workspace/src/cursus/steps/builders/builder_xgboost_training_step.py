"""Step builder for XGBoostTraining."""

from ...core.base.builder_base import StepBuilderBase


class XGBoostTrainingStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for XGBoostTraining."""

    def create_step(self, **kwargs):
        raise NotImplementedError("XGBoostTrainingStepBuilder.create_step")
