"""Configuration for ModelCalibration."""

from ...core.base.config_base import BasePipelineConfig


class ModelCalibrationConfig(BasePipelineConfig):
    """Configuration of the ModelCalibration step."""
