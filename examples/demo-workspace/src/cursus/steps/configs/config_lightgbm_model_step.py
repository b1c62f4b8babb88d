"""
Configuration for the LightGBM Model step.

LightGBM model creation step.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field

from ...core.base.config_base import BasePipelineConfig


class LightGBMModelConfig(BasePipelineConfig):
    """
    Configuration for the LightGBM Model step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    instance_type: str = Field(default="ml.m5.large", description="Instance type for inference endpoint.")
    entry_point: str = Field(default="inference.py", description="Inference entry point script.")
    framework_version: str = Field(default="3.3.5", description="Framework version of the inference container.")
