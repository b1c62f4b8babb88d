"""Step builder for Registration."""

from ...core.base.builder_base import StepBuilderBase


class RegistrationStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for Registration."""

    def create_step(self, **kwargs):
        raise NotImplementedError("RegistrationStepBuilder.create_step")
