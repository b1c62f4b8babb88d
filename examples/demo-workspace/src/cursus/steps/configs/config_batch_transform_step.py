"""
Configuration for the Batch Transform step.

Batch transform step.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field, field_validator

from ...core.base.config_base import BasePipelineConfig


class BatchTransformStepConfig(BasePipelineConfig):
    """
    Configuration for the Batch Transform step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    transform_instance_type: str = Field(default="ml.m5.large", description="Instance type for the batch transform job.")
    transform_instance_count: int = Field(default=1, ge=1, description="Number of transform instances.")
    accept: str = Field(default="text/csv", description="Accept type for the transform output.")
    job_type: str = Field(default="batch", description="One of 'training', 'validation', 'testing', 'calibration'.")

    @field_validator("job_type")
    @classmethod
    def _validate_job_type(cls, v: str) -> str:
        allowed = {"training", "validation", "testing", "calibration", "batch"}
        if v not in allowed:
            raise ValueError(f"job_type must be one of {sorted(allowed)}, got {v!r}")
        return v
