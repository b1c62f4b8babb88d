from typing import List, Optional

from pydantic import Field

from ...core.base.config_base import BasePipelineConfig


class TabularPreprocessingConfig(BasePipelineConfig):
    job_type: str = Field(description="One of training, validation, testing, calibration.")
    batch_size: int = Field(default=5, description="Rows per batch.")
    label_name: Optional[str] = Field(default=None, description="Label column.")
    processing_script_arguments: Optional[List[str]] = Field(default=None, description="Script arguments.")
