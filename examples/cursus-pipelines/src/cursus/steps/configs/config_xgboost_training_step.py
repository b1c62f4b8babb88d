class XGBoostTrainingConfig:
    """Config of the XGBoostTraining step."""
