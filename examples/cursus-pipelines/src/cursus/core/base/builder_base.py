class StepBuilderBase:
    """Base of every step builder."""
