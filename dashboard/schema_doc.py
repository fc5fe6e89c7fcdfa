"""What the views' contracts (etl/warehouse/models) say, for the pages: the SQL page's schema browser, and the
values a column accepts."""
from __future__ import annotations

from functools import lru_cache

from etl.warehouse.contracts import models


def accepted_values(view: str, column: str) -> tuple:
    """The values a view's contract accepts in a column ('visit', 'meeting', … for engagements.kind)."""
    column_spec = next(c for c in models()[view].columns if c.name == column)
    return tuple(next(t["accepted_values"] for t in column_spec.tests if isinstance(t, dict) and "accepted_values" in t))


@lru_cache(maxsize=1)
def view_reference() -> dict[str, dict]:
    """{view: {'about': text, 'columns': [(name, type, meaning)]}} for every contracted view."""
    return {m.name: {"about": m.description, "columns": [(c.name, c.type, c.description) for c in m.columns]}
            for m in models().values()}
