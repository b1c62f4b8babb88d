"""Step builder for Package."""

from ...core.base.builder_base import StepBuilderBase


class PackageStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for Package."""

    def create_step(self, **kwargs):
        raise NotImplementedError("PackageStepBuilder.create_step")
