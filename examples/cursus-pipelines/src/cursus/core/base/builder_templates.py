"""Routed builder handlers, reduced: each registers the step types it builds."""

from ...registry.strategy_registry import register_strategy
from .builder_base import StepBuilderBase


@register_strategy(axis="step_assembly", name="code")
class ProcessingCodeHandler:
    pass


@register_strategy(axis="step_assembly", name="step_args")
class ProcessingStepArgsHandler:
    pass


@register_strategy(axis="sagemaker_step_type", name="Training")
class TrainingHandler:
    pass


@register_strategy(axis="sagemaker_step_type", name="CradleDataLoading")
class CradleDataLoadingHandler:
    pass


@register_strategy(axis="sagemaker_step_type", name="MimsModelRegistrationProcessing")
class RegistrationHandler:
    pass


class TemplateStepBuilder(StepBuilderBase):
    """The parent of every synthesized builder."""
