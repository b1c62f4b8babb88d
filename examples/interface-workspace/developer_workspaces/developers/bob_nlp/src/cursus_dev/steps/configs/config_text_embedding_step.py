"""Configuration for TextEmbedding."""


class TextEmbeddingConfig:
    """Configuration of the TextEmbedding step."""
