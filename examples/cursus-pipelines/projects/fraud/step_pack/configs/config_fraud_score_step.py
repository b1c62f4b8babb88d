class FraudScoreConfig:
    """Config of the fraud scoring step."""
