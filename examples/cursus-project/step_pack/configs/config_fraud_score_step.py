class FraudScoreConfig:
    threshold: float = 0.5
