"""Configuration for TabularPreprocessing."""

from .config_base import BasePipelineConfig


class TabularPreprocessingConfig(BasePipelineConfig):
    """Configuration of the TabularPreprocessing step."""
