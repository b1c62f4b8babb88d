"""Configuration for TextSummarization."""


class TextSummarizationConfig:
    """Configuration of the TextSummarization step."""
