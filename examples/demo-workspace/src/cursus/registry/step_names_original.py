"""
Compatibility shim kept for code that still imports ``step_names_original``.

The registry used to be duplicated here as a backup copy of the STEP_NAMES literal.
It is now loaded from the canonical module so the two can no longer drift apart.
"""

from typing import Any, Dict


def load_step_names() -> Dict[str, Dict[str, Any]]:
    """Return a copy of the canonical core registry."""
    from .step_names import STEP_NAMES as _CANONICAL

    return {name: dict(info) for name, info in _CANONICAL.items()}


# seeded: RL031 STEP_NAMES is assigned a call, not a dict literal, so this file is not analysed
STEP_NAMES = load_step_names()

CONFIG_STEP_REGISTRY = {info["config_class"]: step_name for step_name, info in STEP_NAMES.items()}
BUILDER_STEP_NAMES = {step_name: info["builder_step_name"] for step_name, info in STEP_NAMES.items()}
SPEC_STEP_TYPES = {step_name: info.get("spec_type", step_name) for step_name, info in STEP_NAMES.items()}
