"""
Configuration for the Fraud Label Enrichment step.

Joins chargeback outcomes onto transactions to build fraud labels.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field

from cursus.core.base.config_base import BasePipelineConfig


class FraudLabelEnrichmentConfig(BasePipelineConfig):
    """
    Configuration for the Fraud Label Enrichment step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    processing_entry_point: str = Field(default="fraud_label_enrichment.py", description="Entry point script for processing.")
    processing_instance_count: int = Field(default=1, ge=1, le=10, description="Instance count for the processing job.")
    processing_volume_size: int = Field(default=500, ge=10, description="Volume size (GB) for the processing job.")
    use_large_processing_instance: bool = Field(default=False, description="Use the large processing instance type.")

    def get_script_path(self) -> str:
        """Full path of the processing script (source dir + entry point)."""
        return f"{self.processing_source_dir or self.source_dir}/{self.processing_entry_point}"
