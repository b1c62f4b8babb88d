class XGBoostModelEvalConfig:
    """Config of the XGBoostModelEval step."""
