"""
Base pipeline configuration.

Every step config derives from BasePipelineConfig. Its step name is looked up through
CONFIG_STEP_REGISTRY (see cursus.registry.step_names); nothing here is step specific.
"""

from typing import ClassVar, Dict, Optional

from pydantic import BaseModel, Field


class BasePipelineConfig(BaseModel):
    """Pipeline-wide settings shared by all step configurations."""

    _STEP_NAMES: ClassVar[Dict[str, str]] = {}

    author: str = Field(..., description="Author or owner of the pipeline.")
    bucket: str = Field(..., description="S3 bucket for pipeline artifacts.")
    role: str = Field(..., description="IAM role for pipeline execution.")
    region: str = Field(default="NA", description="Custom region code (NA, EU, FE).")
    service_name: str = Field(..., description="Service name for the pipeline.")
    pipeline_version: str = Field(default="1.0.0", description="Version string for the pipeline.")
    source_dir: Optional[str] = Field(default=None, description="Common source directory for scripts.")
    processing_source_dir: Optional[str] = Field(default=None, description="Source directory for processing scripts.")

    @property
    def pipeline_s3_loc(self) -> str:
        return f"s3://{self.bucket}/MODS/{self.service_name}_{self.pipeline_version}"

    @classmethod
    def get_step_name(cls, config_class_name: str) -> str:
        """Map a config class name to its canonical step name."""
        if not cls._STEP_NAMES:
            from ...registry.step_names import CONFIG_STEP_REGISTRY

            cls._STEP_NAMES = CONFIG_STEP_REGISTRY
        return cls._STEP_NAMES.get(config_class_name, config_class_name)
