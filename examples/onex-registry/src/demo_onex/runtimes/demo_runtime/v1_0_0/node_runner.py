"""Runs nodes."""


def main():
    pass
