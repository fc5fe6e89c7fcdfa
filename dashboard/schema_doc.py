"""The view reference for the SQL page's schema browser, from the views' contracts (etl/warehouse/models)."""
from __future__ import annotations

from functools import lru_cache

from etl.warehouse.contracts import models


@lru_cache(maxsize=1)
def view_reference() -> dict[str, dict]:
    """{view: {'about': text, 'columns': [(name, type, meaning)]}} for every contracted view."""
    return {m.name: {"about": m.description, "columns": [(c.name, c.type, c.description) for c in m.columns]}
            for m in models().values()}
