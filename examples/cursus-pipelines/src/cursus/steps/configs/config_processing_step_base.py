class ProcessingStepConfigBase:
    """Base of the processing step configs."""
