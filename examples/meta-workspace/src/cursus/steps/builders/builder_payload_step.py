"""Step builder for Payload."""

from ...core.base.builder_base import StepBuilderBase


class PayloadStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for Payload."""

    def create_step(self, **kwargs):
        raise NotImplementedError("PayloadStepBuilder.create_step")
