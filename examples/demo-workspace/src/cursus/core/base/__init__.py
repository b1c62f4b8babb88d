"""Base classes shared by every step."""

from .config_base import BasePipelineConfig
from .builder_base import StepBuilderBase
