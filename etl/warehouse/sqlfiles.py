"""The warehouse's bundled .sql files."""
from __future__ import annotations

from importlib import resources


def sql_text(name: str) -> str:
    """The text of one bundled .sql file."""
    return resources.files(__package__).joinpath("sql", name).read_text("utf-8")
