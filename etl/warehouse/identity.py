"""Stable ids and the rule that decides when two reports describe one engagement."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

MERGE_DAYS = 1


def stable_id(*parts: object) -> str:
    """A short deterministic id from the given parts."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class EngagementKey:
    """The fields that identify an engagement for merging reports of it."""

    kind: str
    status: str
    participant_key: str
    country_iso3: str | None
    start_date: dt.date | None
    date_precision: str

    @property
    def engagement_id(self) -> str:
        return stable_id(self.kind, self.status, self.participant_key, self.country_iso3, self.start_date)


def same_engagement(a: EngagementKey, b: EngagementKey) -> bool:
    """True when two reports describe one engagement: same kind, status and people, same place, dates within a day.

    Month-precision dates match any date in the same month. Reports without a date never merge.
    """
    if (a.kind, a.status, a.participant_key) != (b.kind, b.status, b.participant_key) or not a.participant_key:
        return False
    if a.country_iso3 and b.country_iso3 and a.country_iso3 != b.country_iso3:
        return False
    if a.start_date is None or b.start_date is None:
        return False
    precisions = {a.date_precision, b.date_precision}
    if "year" in precisions:
        return a.start_date.year == b.start_date.year
    if "month" in precisions:
        return (a.start_date.year, a.start_date.month) == (b.start_date.year, b.start_date.month)
    return abs((a.start_date - b.start_date).days) <= MERGE_DAYS
