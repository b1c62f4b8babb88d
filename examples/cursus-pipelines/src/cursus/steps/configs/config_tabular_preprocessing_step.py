class TabularPreprocessingConfig:
    """Config of the TabularPreprocessing step."""
