"""Configuration for FeatureAudit."""


class FeatureAuditConfig:
    """Configuration of the FeatureAudit step."""
