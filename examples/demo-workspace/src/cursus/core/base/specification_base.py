"""Specification primitives (StepSpecification, DependencySpec, OutputSpec)."""

from enum import Enum
from typing import List, Optional

from pydantic import BaseModel


class DependencyType(str, Enum):
    MODEL_ARTIFACTS = "model_artifacts"
    PROCESSING_OUTPUT = "processing_output"
    TRAINING_DATA = "training_data"
    HYPERPARAMETERS = "hyperparameters"


class NodeType(str, Enum):
    SOURCE = "source"
    INTERNAL = "internal"
    SINK = "sink"


class DependencySpec(BaseModel):
    logical_name: str
    dependency_type: DependencyType
    required: bool = True
    compatible_sources: List[str] = []
    data_type: str = "S3Uri"


class OutputSpec(BaseModel):
    logical_name: str
    output_type: DependencyType
    property_path: str
    data_type: str = "S3Uri"


class StepSpecification(BaseModel):
    step_type: str
    node_type: NodeType
    script_contract: Optional[object] = None
    dependencies: List[DependencySpec] = []
    outputs: List[OutputSpec] = []
