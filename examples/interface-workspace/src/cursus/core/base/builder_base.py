"""Base class of every step builder."""

from abc import ABC


class StepBuilderBase(ABC):
    """Builds one SageMaker step from its configuration."""
