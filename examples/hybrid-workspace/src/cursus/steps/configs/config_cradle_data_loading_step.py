"""
Configuration for the Cradle Data Loading step.

Cradle data loading step.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field, field_validator

from ...core.base.config_base import BasePipelineConfig


class CradleDataLoadingConfig(BasePipelineConfig):
    """
    Configuration for the Cradle Data Loading step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    job_type: str = Field(..., description="One of 'training', 'validation', 'testing', 'calibration'.")
    data_sources_spec: Dict[str, Any] = Field(..., description="Data sources (MDS, EDX, ANDES) to load.")
    transform_spec: Dict[str, Any] = Field(..., description="SQL transformation applied after loading.")
    output_spec: Dict[str, Any] = Field(..., description="Output location and format.")

    @field_validator("job_type")
    @classmethod
    def _validate_job_type(cls, v: str) -> str:
        allowed = {"training", "validation", "testing", "calibration", "batch"}
        if v not in allowed:
            raise ValueError(f"job_type must be one of {sorted(allowed)}, got {v!r}")
        return v

    def build_request(self) -> Dict[str, Any]:
        """Assemble the Cradle CreateDataLoadJob request."""
        return {
            "dataSources": self.data_sources_spec,
            "transformSpecification": self.transform_spec,
            "outputSpecification": self.output_spec,
        }
