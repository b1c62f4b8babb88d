"""The step table, derived from the interfaces (see interface_registry_loader); not a literal."""

from typing import Dict

from .interface_registry_loader import build_registry_from_interfaces

STEP_NAMES: Dict[str, Dict[str, str]] = build_registry_from_interfaces()

CONFIG_STEP_REGISTRY = {info["config_class"]: name for name, info in STEP_NAMES.items()}
BUILDER_STEP_NAMES = {name: info["builder_step_name"] for name, info in STEP_NAMES.items()}
SPEC_STEP_TYPES = {name: info["spec_type"] for name, info in STEP_NAMES.items()}
