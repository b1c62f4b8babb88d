from .config_processing_step_base import ProcessingStepConfigBase


class ChurnEvalConfig(ProcessingStepConfigBase):
    """A config class no registry step names as its config_class."""
