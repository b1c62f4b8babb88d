class ModelCalibrationConfig:
    """Config of the ModelCalibration step."""
