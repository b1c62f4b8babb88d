"""cursus: automatic SageMaker pipeline generation from step specifications."""

__version__ = "1.3.0"
