"""
Configuration for the Model Package Registration step.

Registers the model package in the SageMaker Model Registry.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field

from ...core.base.config_base import BasePipelineConfig


class ModelPackageRegistrationConfig(BasePipelineConfig):
    """
    Configuration for the Model Package Registration step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    model_package_group_name: str = Field(..., description="Model package group in the SageMaker Model Registry.")
    approval_status: str = Field(default="PendingManualApproval", description="Initial approval status.")
    inference_instances: List[str] = Field(default_factory=lambda: ["ml.m5.large"], description="Supported inference instances.")
    transform_instances: List[str] = Field(default_factory=lambda: ["ml.m5.large"], description="Supported transform instances.")
