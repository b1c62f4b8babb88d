class FraudLabelConfig:
    """Config of the fraud labelling step."""
