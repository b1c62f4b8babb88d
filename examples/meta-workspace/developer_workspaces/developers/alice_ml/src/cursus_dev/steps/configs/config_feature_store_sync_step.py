"""Configuration for FeatureStoreSync."""


class FeatureStoreSyncConfig:
    """Configuration of the FeatureStoreSync step."""
