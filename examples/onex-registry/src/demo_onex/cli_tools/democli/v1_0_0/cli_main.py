"""democli entry point."""


def main():
    pass
