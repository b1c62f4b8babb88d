"""Configuration for Registration."""

from ...core.base.config_base import BasePipelineConfig


class RegistrationConfig(BasePipelineConfig):
    """Configuration of the Registration step."""
