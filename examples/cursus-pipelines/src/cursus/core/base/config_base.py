class BasePipelineConfig:
    """Base of every step config."""
