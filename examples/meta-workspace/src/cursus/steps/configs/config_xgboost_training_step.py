"""Configuration for XGBoostTraining."""

from ...core.base.config_base import BasePipelineConfig


class XGBoostTrainingConfig(BasePipelineConfig):
    """Configuration of the XGBoostTraining step."""
