"""Configuration for Package."""

from .config_base import BasePipelineConfig


class PackageConfig(BasePipelineConfig):
    """Configuration of the Package step."""
