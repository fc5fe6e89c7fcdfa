"""The view reference from docs/warehouse.md, for the SQL page's schema browser."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "warehouse.md"
_VIEW = re.compile(r"^### `(\w+)`\s*$")
_ROW = re.compile(r"^\| `(\w+)` \| ([^|]+) \| (.+) \|\s*$")


@lru_cache(maxsize=1)
def view_reference() -> dict[str, dict]:
    """{view: {'about': text, 'columns': [(name, type, meaning)]}} parsed from docs/warehouse.md."""
    views: dict[str, dict] = {}
    current = None
    for line in DOC.read_text("utf-8").splitlines():
        if match := _VIEW.match(line):
            current = views.setdefault(match[1], {"about": "", "columns": []})
        elif current is not None and (match := _ROW.match(line)):
            current["columns"].append((match[1], match[2].strip(), match[3].strip()))
        elif current is not None and line and not line.startswith("|") and not current["about"]:
            current["about"] = line.strip()
    return views
