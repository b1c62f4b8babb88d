"""Plain functions an application registers as apcore modules through bindings (no module class)."""
from datetime import datetime


def format_date_string(date: str, fmt: str) -> str:
    return datetime.fromisoformat(date).strftime(fmt)


def now() -> str:
    return datetime.now().isoformat()
