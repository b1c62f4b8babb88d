class CradleDataLoadingConfig:
    """Config of the CradleDataLoading step."""
