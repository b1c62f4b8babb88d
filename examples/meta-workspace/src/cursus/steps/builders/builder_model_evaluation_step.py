"""Step builder for ModelEvaluation."""

from ...core.base.builder_base import StepBuilderBase


class ModelEvaluationStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for ModelEvaluation."""

    def create_step(self, **kwargs):
        raise NotImplementedError("ModelEvaluationStepBuilder.create_step")
