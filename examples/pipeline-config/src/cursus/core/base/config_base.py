from typing import Optional

from pydantic import BaseModel, Field


class BasePipelineConfig(BaseModel):
    author: str = Field(description="Author or owner of the pipeline.")
    bucket: str = Field(description="S3 bucket for pipeline artifacts.")
    enable_caching: bool = Field(default=False, description="Enable caching for pipeline steps.")
    source_dir: Optional[str] = Field(default=None, description="Scripts folder.")
