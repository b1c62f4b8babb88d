"""Configuration for Package."""

from ...core.base.config_base import BasePipelineConfig


class PackageConfig(BasePipelineConfig):
    """Configuration of the Package step."""
