class HyperparameterPrepConfig:
    """Config of the hyperparameter preparation step."""
