class TabularPreprocessingStepBuilder:
    """Builds the TabularPreprocessing step (unused by the config checks)."""
