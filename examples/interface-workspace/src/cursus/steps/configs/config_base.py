"""Base class of every step configuration."""


class BasePipelineConfig:
    """Fields shared by every step."""
