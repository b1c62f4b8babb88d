"""Configuration for ModelEvaluation."""

from ...core.base.config_base import BasePipelineConfig


class ModelEvaluationConfig(BasePipelineConfig):
    """Configuration of the ModelEvaluation step."""
