"""Configuration for HyperparameterPrep."""

from .config_base import BasePipelineConfig


class HyperparameterPrepConfig(BasePipelineConfig):
    """Configuration of the HyperparameterPrep step."""
