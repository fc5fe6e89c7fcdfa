"""Named SQL statements loaded from the bundled .sql files ('-- name: x' sections)."""
from __future__ import annotations

import re

from etl.warehouse.sqlfiles import sql_text

_SECTION = re.compile(r"^-- name: (.+?)\s*$", re.M)


def parse_named_sql(text: str) -> dict[str, str]:
    """Map each '-- name: x' section of SQL text to its statement."""
    parts = _SECTION.split(text)
    return {name: body.strip().rstrip(";") for name, body in zip(parts[1::2], parts[2::2])}


def named_queries(filename: str) -> dict[str, str]:
    """The '-- name:' sections of one bundled .sql file."""
    return parse_named_sql(sql_text(filename))


QUERIES: dict[str, str] = {**named_queries("writes.sql")}
