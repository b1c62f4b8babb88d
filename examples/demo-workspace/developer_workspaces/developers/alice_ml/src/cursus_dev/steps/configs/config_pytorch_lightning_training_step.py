"""
Configuration for the PyTorch Lightning Training step.

PyTorch Lightning training with mixed precision and early stopping.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field

from cursus.core.base.config_base import BasePipelineConfig


class PyTorchLightningTrainingConfig(BasePipelineConfig):
    """
    Configuration for the PyTorch Lightning Training step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    training_entry_point: str = Field(default="train.py", description="Entry point script for training.")
    training_instance_type: str = Field(default="ml.g5.2xlarge", description="Instance type for the training job.")
    training_instance_count: int = Field(default=1, ge=1, description="Number of training instances.")
    training_volume_size: int = Field(default=30, ge=1, description="Volume size (GB) for training instances.")
    framework_version: str = Field(default="2.1.0", description="Framework version of the training container.")

    def get_output_path(self) -> str:
        """S3 prefix where model artifacts are written."""
        return f"{self.pipeline_s3_loc}/{self.step_name_prefix}/model"
