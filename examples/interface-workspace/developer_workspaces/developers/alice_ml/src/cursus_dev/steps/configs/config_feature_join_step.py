"""Configuration for FeatureJoin."""


class FeatureJoinConfig:
    """Configuration of the FeatureJoin step."""
