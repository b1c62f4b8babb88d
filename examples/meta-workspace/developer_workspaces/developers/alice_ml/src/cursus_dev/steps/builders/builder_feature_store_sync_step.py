"""Step builder for FeatureStoreSync."""


class FeatureStoreSyncStepBuilder:
    """Builds the feature store sync step."""

    def create_step(self, **kwargs):
        raise NotImplementedError("FeatureStoreSyncStepBuilder.create_step")
