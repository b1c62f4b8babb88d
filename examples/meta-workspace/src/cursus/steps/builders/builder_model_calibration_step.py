"""Step builder for ModelCalibration."""

from ...core.base.builder_base import StepBuilderBase


class ModelCalibrationStepBuilder(StepBuilderBase):
    """Builds the SageMaker step for ModelCalibration."""

    def create_step(self, **kwargs):
        raise NotImplementedError("ModelCalibrationStepBuilder.create_step")
