"""Which engagement a report belongs to: the stored ones it may merge into, and the run's merger that applies the
merge rule (etl/warehouse/identity.py) in the order engagements became known."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import duckdb

from etl.warehouse.identity import MERGE_DAYS, EngagementKey, same_engagement
from etl.warehouse.queries import QUERIES


class StoredEngagements:
    """The stored engagements a run's reports may merge into (merge_candidates), fetched once per run and handed to
    each input's merger in the query's order."""

    def __init__(self, con: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
        self._by_key: dict[str, list[tuple]] = defaultdict(list)
        if keys:
            for row in con.execute(QUERIES["merge_candidates"], [sorted(keys)]).fetchall():
                self._by_key[row[3]].append(row)

    def of(self, keys: set[str]) -> list[tuple]:
        """The stored engagements of these participant keys, by engagement id as the query orders them."""
        return sorted((row for key in keys for row in self._by_key.get(key, ())), key=lambda row: row[0])


class Merger:
    """Finds the engagement a report belongs to, among stored ones and those of this run: the first known one, in the
    order they became known, that the merge rule (identity.same_engagement) says is the same."""

    def __init__(self, stored: list[tuple]) -> None:
        # Per kind, status and people: those known to the day by their date, the rest (month, year, undated) apart,
        # so a report is compared only with those a day either side of it and the loose ones.
        self._by_day: dict[tuple[str, str, str], dict[dt.date, list[tuple[int, EngagementKey, str]]]] = \
            defaultdict(lambda: defaultdict(list))
        self._loose: dict[tuple[str, str, str], list[tuple[int, EngagementKey, str]]] = defaultdict(list)
        self._count = 0
        for eid, kind, status, pkey, iso3, start, precision in stored:
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
        for _, known, engagement_id in self._candidates(key):
            if known == key or same_engagement(known, key):
                return engagement_id, True
        self._remember(key, key.engagement_id)
        return key.engagement_id, False
