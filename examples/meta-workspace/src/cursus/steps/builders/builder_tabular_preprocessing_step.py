"""Step builder for TabularPreprocessing."""

from ...core.base.builder_base import StepBuilderBase


class TabularPreprocessingStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for TabularPreprocessing."""

    def create_step(self, **kwargs):
        raise NotImplementedError("TabularPreprocessingStepBuilder.create_step")
