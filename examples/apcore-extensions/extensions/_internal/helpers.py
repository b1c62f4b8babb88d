"""Shared helpers: the leading underscore keeps this directory out of the scan."""


def slugify(text):
    return text.lower().replace(" ", "-")
