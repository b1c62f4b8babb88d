"""
Configuration for the Registration step.

Model registration step.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field

from ...core.base.config_base import BasePipelineConfig


class RegistrationConfig(BasePipelineConfig):
    """
    Configuration for the Registration step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    model_domain: str = Field(..., description="Model domain used by MIMS.")
    model_objective: str = Field(..., description="Model objective used by MIMS.")
    performance_metadata_location: Optional[str] = Field(default=None, description="S3 location of performance metadata.")
