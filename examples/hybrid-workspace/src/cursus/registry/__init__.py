"""Step registry: canonical step names and derived mappings."""

from .step_names import STEP_NAMES, CONFIG_STEP_REGISTRY, BUILDER_STEP_NAMES, SPEC_STEP_TYPES
