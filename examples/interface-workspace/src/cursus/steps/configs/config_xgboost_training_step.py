"""Configuration for XGBoostTraining."""

from .config_base import BasePipelineConfig


class XGBoostTrainingConfig(BasePipelineConfig):
    """Configuration of the XGBoostTraining step."""
