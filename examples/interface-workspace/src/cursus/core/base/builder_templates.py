"""The routed builder every synthesized builder subclasses."""

from .builder_base import StepBuilderBase


class TemplateStepBuilder(StepBuilderBase):
    """Builds a step from its interface (``STEP_NAME``)."""

    STEP_NAME = None
