"""The project's DAG, with its evaluation step only when asked: which nodes it has is known when it runs."""

from cursus.api.dag.base_dag import PipelineDAG


def create_dag(with_eval: bool) -> PipelineDAG:
    dag = PipelineDAG()
    dag.add_node("TabularPreprocessing_training")
    dag.add_node("XGBoostTraining")
    dag.add_edge("TabularPreprocessing_training", "XGBoostTraining")
    if with_eval:
        dag.add_node("XGBoostModelEval_calibration")
        dag.add_edge("XGBoostTraining", "XGBoostModelEval_calibration")
    return dag
