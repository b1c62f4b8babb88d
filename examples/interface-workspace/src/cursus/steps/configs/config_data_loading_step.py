"""Configuration for DataLoading."""

from .config_base import BasePipelineConfig


class DataLoadingConfig(BasePipelineConfig):
    """Configuration of the DataLoading step."""
