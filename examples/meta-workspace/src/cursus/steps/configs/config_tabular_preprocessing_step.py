"""Configuration for TabularPreprocessing."""

from ...core.base.config_base import BasePipelineConfig


class TabularPreprocessingConfig(BasePipelineConfig):
    """Configuration of the TabularPreprocessing step."""
