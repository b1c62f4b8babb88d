"""Configuration for XGBoostModelEval."""

from .config_base import BasePipelineConfig


class XGBoostModelEvalConfig(BasePipelineConfig):
    """Configuration of the XGBoostModelEval step."""
