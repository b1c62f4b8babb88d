"""Configuration for Payload."""

from ...core.base.config_base import BasePipelineConfig


class PayloadConfig(BasePipelineConfig):
    """Configuration of the Payload step."""
