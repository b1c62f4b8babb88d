class RegistrationConfig:
    """Config of the Registration step."""
