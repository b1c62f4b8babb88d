"""Fraud model pipeline: its DAG built in Python, as the pipelines of cursus's projects/ are."""

from cursus.api.dag.base_dag import PipelineDAG
from cursus.pipeline_catalog.shared_dags import load_shared_dag

TRAINING_NODES = ["CradleDataLoading_training", "TabularPreprocessing_training"]


def create_fraud_dag() -> PipelineDAG:
    dag = PipelineDAG()
    for node in TRAINING_NODES:
        dag.add_node(node)
    dag.add_node("XGBoostTrainig")
    dag.add_node("XGBoostModelEval_calibration")
    dag.add_edge("CradleDataLoading_training", "TabularPreprocessing_training")
    dag.add_edge("TabularPreprocessing_training", "XGBoostTrainig")
    dag.add_edge("XGBoostTrainig", "XGBoostModelEval_calibration")
    dag.add_edge("XGBoostModelEval_calibration", "ModelCalibration_calibraton")
    return dag


def create_validation_dag() -> PipelineDAG:
    return PipelineDAG(
        nodes=["TabularPreprocessing_validation", "XGBoostModelEval_validation"],
        edges=[("TabularPreprocessing_validation", "XGBoostModelEval_validaton")],
    )


def load_baseline() -> PipelineDAG:
    return load_shared_dag("xgboost_trainig")
