"""Named SQL statements loaded from the bundled .sql files ('-- name: x' sections)."""
from __future__ import annotations

import re

from etl.warehouse.connection import sql_text

_SECTION = re.compile(r"^-- name: (\w+)\s*$", re.M)


def named_queries(filename: str) -> dict[str, str]:
    """Map each '-- name:' section of a .sql file to its statement."""
    parts = _SECTION.split(sql_text(filename))
    return {name: body.strip().rstrip(";") for name, body in zip(parts[1::2], parts[2::2])}


QUERIES: dict[str, str] = {**named_queries("writes.sql")}
