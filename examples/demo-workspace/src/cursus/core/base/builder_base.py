"""
Base class of every step builder.

Builders translate a config + specification into a SageMaker pipeline step. The step
name of a builder comes from BUILDER_STEP_NAMES (see cursus.registry.step_names).
"""

from abc import ABC, abstractmethod
from typing import Any, Dict, Optional


class StepBuilderBase(ABC):
    """Common plumbing for step builders: session, role, spec and dependency wiring."""

    def __init__(self, config, spec=None, sagemaker_session=None, role=None,
                 registry_manager=None, dependency_resolver=None):
        self.config = config
        self.spec = spec
        self.session = sagemaker_session
        self.role = role
        self._registry_manager = registry_manager
        self._dependency_resolver = dependency_resolver

    @property
    def STEP_NAMES(self) -> Dict[str, str]:
        from ...registry.step_names import BUILDER_STEP_NAMES

        return BUILDER_STEP_NAMES

    def _get_step_name(self) -> str:
        class_name = type(self).__name__
        for step_name, builder_name in self.STEP_NAMES.items():
            if builder_name == class_name:
                return step_name
        return class_name.replace("StepBuilder", "")

    @abstractmethod
    def validate_configuration(self) -> None:
        """Raise ValueError when the config cannot produce a step."""

    @abstractmethod
    def create_step(self, **kwargs) -> Any:
        """Create the SageMaker pipeline step."""
