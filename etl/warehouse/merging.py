"""Which engagement a report belongs to: one merger per run applies the merge rule (etl/warehouse/identity.py) to the
stored engagements and to those the run has found so far, whatever input each came from."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import duckdb

from etl.warehouse.identity import MERGE_DAYS, EngagementKey, same_engagement
from etl.warehouse.queries import QUERIES


class Merger:
    """Finds the engagement a report belongs to, among stored ones and those of this run: the first known one, in the
    order they became known, that the merge rule (identity.same_engagement) says is the same. One serves a whole
    run, so reports in different inputs merge as they would if each input were loaded on its own."""

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None, keys: set[str] = frozenset()) -> None:
        """Start from the stored engagements of the run's participant keys (none without a connection), fetched in
        one query."""
        # Per kind, status and people: those known to the day by their date, the rest (month, year, undated) apart,
        # so a report is compared only with those a day either side of it and the loose ones.
        self._by_day: dict[tuple[str, str, str], dict[dt.date, list[tuple[int, EngagementKey, str]]]] = \
            defaultdict(lambda: defaultdict(list))
        self._loose: dict[tuple[str, str, str], list[tuple[int, EngagementKey, str]]] = defaultdict(list)
        self._count = 0
        # A key asked again gets its first answer: if it merged, nothing changed since; if it was added, it is now
        # its own first match. A GDELT day asks each key about four times.
        self._answers: dict[EngagementKey, str] = {}
        if con is not None and keys:
            for eid, kind, status, pkey, iso3, start, precision in con.execute(
                    QUERIES["merge_candidates"], [sorted(keys)]).fetchall():
                self._remember(EngagementKey(kind, status, pkey, iso3, start, precision), eid)

    def _remember(self, key: EngagementKey, engagement_id: str) -> None:
        entry = (self._count, key, engagement_id)
        self._count += 1
        group = (key.kind, key.status, key.participant_key)
        if key.start_date is not None and key.date_precision == "day":
            self._by_day[group][key.start_date].append(entry)
        else:
            self._loose[group].append(entry)

    def _candidates(self, key: EngagementKey) -> list[tuple[int, EngagementKey, str]]:
        group = (key.kind, key.status, key.participant_key)
        days = self._by_day.get(group, {})
        if key.start_date is not None and key.date_precision == "day":
            near = [e for step in range(-MERGE_DAYS, MERGE_DAYS + 1)
                    for e in days.get(key.start_date + dt.timedelta(days=step), ())]
        else:  # a month or a year matches any day within it
            near = [e for entries in days.values() for e in entries]
        return sorted(near + self._loose.get(group, []), key=lambda entry: entry[0])

    def find_or_add(self, key: EngagementKey) -> tuple[str, bool]:
        """The engagement id for a report, and whether it merged into an existing engagement."""
        if key in self._answers:
            return self._answers[key], True
        for _, known, engagement_id in self._candidates(key):
            if known == key or same_engagement(known, key):
                self._answers[key] = engagement_id
                return engagement_id, True
        engagement_id = self._answers[key] = key.engagement_id
        self._remember(key, engagement_id)
        return engagement_id, False
