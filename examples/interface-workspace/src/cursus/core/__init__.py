"""Package initialization."""
