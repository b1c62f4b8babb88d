"""Base class of processing step configurations."""

from .config_base import BasePipelineConfig


class ProcessingStepConfigBase(BasePipelineConfig):
    """Fields shared by processing steps."""
