"""Script contracts: the paths and environment a script expects inside its container."""

from typing import Dict, List

from pydantic import BaseModel, Field


class ScriptContract(BaseModel):
    entry_point: str
    expected_input_paths: Dict[str, str]
    expected_output_paths: Dict[str, str]
    required_env_vars: List[str] = Field(default_factory=list)
    optional_env_vars: Dict[str, str] = Field(default_factory=dict)
    framework_requirements: Dict[str, str] = Field(default_factory=dict)
    description: str = ""


class TrainingScriptContract(ScriptContract):
    """Contract for training scripts (inputs under /opt/ml/input/data)."""
