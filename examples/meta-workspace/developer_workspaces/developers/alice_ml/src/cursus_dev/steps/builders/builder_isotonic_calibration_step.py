"""Alice's calibration builder, used by her ModelCalibration override."""


class IsotonicCalibrationStepBuilder:
    """Builds an isotonic calibration step."""

    def create_step(self, **kwargs):
        raise NotImplementedError("IsotonicCalibrationStepBuilder.create_step")
