"""
Derives the step table from steps/interfaces/*.step.yaml plus the steps that have no interface.

Convention: config_class = <Name>Config, builder_step_name = <Name>StepBuilder, spec_type = <Name>,
unless the interface's registry block says otherwise.
"""

from pathlib import Path
from typing import Dict

import yaml

_INTERFACES_DIR = Path(__file__).resolve().parent.parent / "steps" / "interfaces"

# Steps without a .step.yaml interface.
_EXTRAS: Dict[str, Dict[str, str]] = {
    "Base": {
        "config_class": "BasePipelineConfig",
        "builder_step_name": "StepBuilderBase",
        "spec_type": "Base",
        "sagemaker_step_type": "Base",
        "description": "Base pipeline configuration",
    },
    "Processing": {
        "config_class": "ProcessingStepConfigBase",
        "builder_step_name": "ProcessingStepBuilder",
        "spec_type": "Processing",
        "sagemaker_step_type": "Processing",
        "description": "Base processing step",
    },
    # seeded: RL032 -- hyperparameter_prep.step.yaml now defines this step too (the interface wins)
    "HyperparameterPrep": {
        "config_class": "HyperparameterPrepConfig",
        "builder_step_name": "HyperparameterPrepStepBuilder",
        "spec_type": "HyperparameterPrep",
        "sagemaker_step_type": "Lambda",
        "description": "Hyperparameter preparation step",
    },
}


def build_registry_from_interfaces(interfaces_dir: Path = _INTERFACES_DIR) -> Dict[str, Dict[str, str]]:
    table = {name: dict(row) for name, row in _EXTRAS.items()}
    for path in sorted(interfaces_dir.glob("*.step.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        name = data.get("step_type")
        if not name:
            continue
        registry = data.get("registry") or {}
        if not registry.get("sagemaker_step_type"):
            raise ValueError(f"{path.name}: cannot determine sagemaker_step_type")
        table[name] = {
            "config_class": registry.get("config_class") or f"{name}Config",
            "builder_step_name": registry.get("builder_step_name") or f"{name}StepBuilder",
            "spec_type": name,
            "sagemaker_step_type": registry["sagemaker_step_type"],
            "description": registry.get("description", ""),
        }
    return table
