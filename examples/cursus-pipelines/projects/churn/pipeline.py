"""The churn pipeline: its DAG, compiled with the project's config."""
from pathlib import Path

from cursus.api.dag.base_dag import PipelineDAG
from cursus.core.compiler.dag_compiler import PipelineDAGCompiler

CONFIG_PATH = Path(__file__).parent / "pipeline_config" / "config.json"

dag = PipelineDAG()
dag.add_node("CradleDataLoading_training")
dag.add_node("TabularPreprocessing_training")
dag.add_node("TabularPreprocessing_validaton")
dag.add_node("XGBoostTraining")
dag.add_node("XGBoostModelEval_calibration")
dag.add_node("ModelCalibration_calibration")
dag.add_node("Registration")
dag.add_edge("CradleDataLoading_training", "TabularPreprocessing_training")
dag.add_edge("TabularPreprocessing_training", "XGBoostTraining")
dag.add_edge("TabularPreprocessing_validaton", "XGBoostModelEval_calibration")
dag.add_edge("XGBoostTraining", "XGBoostModelEval_calibration")
dag.add_edge("XGBoostModelEval_calibration", "ModelCalibration_calibration")
dag.add_edge("ModelCalibration_calibration", "Registration")

compiler = PipelineDAGCompiler(config_path=str(CONFIG_PATH))
preview = compiler.preview_resolution(dag)
