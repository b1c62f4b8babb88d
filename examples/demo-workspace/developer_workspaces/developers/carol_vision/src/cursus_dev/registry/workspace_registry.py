"""
Workspace registry for carol_vision.

Carol builds image models. Her registry still carries a WORKSPACE_STEPS block from an old
design document; cursus never reads it, so it should be folded into LOCAL_STEPS.
"""

# Local step definitions (new steps specific to this workspace)
LOCAL_STEPS = {
    "ImageResize": {
        "config_class": "ImageResizeConfig",
        "builder_step_name": "ImageResizeStepBuilder",
        "spec_type": "ImageResize",
        "sagemaker_step_type": "Processing",
        "description": "Resizes and center-crops images to the model input size",
        "framework": "pillow",
        "job_types": ["training", "validation", "testing"],
        "environment_tags": ["development", "cpu"],
    },
    "ImageAugmentation": {
        # seeded: RL006 the config module defines ImageAugmentConfig, not ImageAugmentationConfig
        "config_class": "ImageAugmentationConfig",
        "builder_step_name": "ImageAugmentationStepBuilder",
        "spec_type": "ImageAugmentation",
        "sagemaker_step_type": "Processing",
        "description": "Offline image augmentation (flips, crops, color jitter)",
        "framework": "pytorch",
        "job_types": ["training"],
        "environment_tags": ["development", "gpu"],
    },
    # seeded: RL012 step name is not PascalCase
    "custom_preproc": {
        "config_class": "CustomPreprocConfig",
        "builder_step_name": "CustomPreprocStepBuilder",
        "spec_type": "CustomPreproc",
        "sagemaker_step_type": "Processing",
        "description": "Ad-hoc preprocessing for the vision metadata tables",
        "framework": "pandas",
    },
    # seeded: RL009 step name contains a space and "!"
    "Data Loader!": {
        "config_class": "DataLoaderConfig",
        "builder_step_name": "DataLoaderStepBuilder",
        "spec_type": "DataLoader",
        "sagemaker_step_type": "Processing",
        "description": "Loads image manifests from S3",
    },
}

# seeded: RL014 WORKSPACE_STEPS, which cursus never reads: VisionFeatureExtraction is not registered
WORKSPACE_STEPS = {
    "VisionFeatureExtraction": {
        "config_class": "VisionFeatureExtractionConfig",
        "builder_step_name": "VisionFeatureExtractionStepBuilder",
        "spec_type": "VisionFeatureExtraction",
        "sagemaker_step_type": "Processing",
        "description": "Extracts CNN embeddings from images for tabular models",
        "framework": "pytorch",
        "environment_tags": ["development", "gpu"],
    },
}

# Step overrides (replace core step definitions in this workspace only)
STEP_OVERRIDES = {
    "PyTorchModel": {
        "config_class": "VisionPyTorchModelConfig",
        "builder_step_name": "VisionPyTorchModelStepBuilder",
        "spec_type": "VisionPyTorchModel",
        "sagemaker_step_type": "CreateModel",
        "description": "PyTorch model with an image inference handler",
        "framework": "pytorch",
        "environment_tags": ["production", "gpu"],
        "priority": 80,
    },
}

# Workspace metadata
WORKSPACE_METADATA = {
    "developer_id": "carol_vision",
    "version": "0.3.0",
    "description": "Computer vision extensions (image preprocessing, CNN features)",
    "dependencies": ["pillow>=10.0.0", "torchvision>=0.16.0"],
    # Conflict resolution preferences
    "default_resolution_strategy": "environment_match",
    "preferred_frameworks": ["pytorch"],
    "environment_preferences": ["development", "gpu"],
    "conflict_tolerance": "high",
}
