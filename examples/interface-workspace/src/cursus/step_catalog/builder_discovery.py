"""
Builder class discovery via registry-interface synthesis (reduced from cursus 2.9.32).

File-based builder discovery has been removed: for each registry step that has a ``.step.yaml``
interface, a per-step ``TemplateStepBuilder`` subclass is fabricated at runtime. There is no scan of
``builder_*.py`` files, so a step without an interface has no builder.
"""

from typing import Dict, Optional, Type


class BuilderAutoDiscovery:
    def __init__(self, package_root, workspace_dirs=None):
        self._synthesized_builders: Dict[str, Type] = {}

    def load_builder_class(self, step_name: str) -> Optional[Type]:
        return self._synthesize_builder(step_name)

    def _synthesize_builder(self, step_name: str) -> Optional[Type]:
        from ..steps.interfaces import load_interface
        from ..core.base.builder_templates import TemplateStepBuilder

        try:
            load_interface(step_name)
        except Exception:
            return None
        synthesized = type(f"{step_name}StepBuilder", (TemplateStepBuilder,), {"STEP_NAME": step_name})
        self._synthesized_builders[step_name] = synthesized
        return synthesized
