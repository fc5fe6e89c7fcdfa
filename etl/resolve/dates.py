"""Dates of known precision: '2025', '2025-02' and '2025-02-12'."""
from __future__ import annotations

import datetime as dt
import re

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """A date and its precision ('day', 'month' or 'year'); ValueError when it is not a real date."""
    match = _PARTIAL.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    try:
        value = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date ({exc})") from None
    return value, "day" if day else "month" if month else "year"


def format_partial_date(value: dt.date | None, precision: str) -> str | None:
    """A date written to its precision: '2025-02' for a month."""
    if value is None:
        return None
    return {"year": f"{value:%Y}", "month": f"{value:%Y-%m}"}.get(precision, value.isoformat())
