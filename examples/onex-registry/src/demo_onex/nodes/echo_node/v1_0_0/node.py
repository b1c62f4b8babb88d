"""Entry point of the node."""


def main():
    pass
