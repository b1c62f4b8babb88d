"""
Configuration for the Deployment Notification step.

Notifies the owning team once a model version has been registered.
"""

from typing import Any, Dict, List, Optional

from pydantic import Field

from ...core.base.config_base import BasePipelineConfig


class DeploymentNotificationConfig(BasePipelineConfig):
    """
    Configuration for the Deployment Notification step.

    Fields below are the step-specific settings; pipeline-wide settings (region, role,
    pipeline_s3_loc, ...) are inherited from BasePipelineConfig.
    """

    lambda_function_arn: str = Field(..., description="ARN of the Lambda function to invoke.")
    timeout_seconds: int = Field(default=120, ge=1, le=900, description="Lambda invocation timeout.")
