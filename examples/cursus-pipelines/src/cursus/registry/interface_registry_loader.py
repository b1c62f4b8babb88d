"""Derives the step table from steps/interfaces/*.step.yaml plus the steps that have no interface."""

from typing import Dict

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
    "HyperparameterPrep": {
        "config_class": "HyperparameterPrepConfig",
        "builder_step_name": "HyperparameterPrepStepBuilder",
        "spec_type": "HyperparameterPrep",
        "sagemaker_step_type": "Lambda",
        "description": "Hyperparameter preparation step",
    },
}
