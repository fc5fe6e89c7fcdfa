"""Writing one load (a run over several inputs) into the warehouse in a single transaction."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb
import polars as pl

from etl.records import Batch, CodedRows, Reject, SourceRecord
from etl.resolve.initiatives import Initiative, InitiativeResolver
from etl.resolve.officials import Official, OfficialResolver
from etl.resolve.titles import seniority
from etl.warehouse.identity import EngagementKey, stable_id
from etl.warehouse.inputs import InputFile
from etl.warehouse.marts import note_touched
from etl.warehouse.merging import Merger
from etl.warehouse.queries import QUERIES


@dataclass
class RunSummary:
    """What one run did, as recorded in etl_runs."""

    run_id: int
    source_kind: str
    records_in: int = 0
    records_loaded: int = 0
    records_merged: int = 0
    records_rejected: int = 0
    records_skipped: int = 0
    inputs_skipped: int = 0
    rejects: list[Reject] = field(default_factory=list)
    status: str = "ok"
    message: str | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _load_officials(con: duckdb.DuckDBPyConnection) -> OfficialResolver:
    aliases: dict[str, set[str]] = defaultdict(set)
    for official_id, alias in con.execute(QUERIES["official_aliases"]).fetchall():
        aliases[official_id].add(alias)
    rows = con.execute(QUERIES["officials"]).fetchall()
    return OfficialResolver([Official(oid, name, iso3, aliases[oid]) for oid, name, iso3 in rows])


def _load_initiatives(con: duckdb.DuckDBPyConnection) -> InitiativeResolver:
    aliases: dict[str, set[str]] = defaultdict(set)
    for initiative_id, alias in con.execute(QUERIES["initiative_aliases"]).fetchall():
        aliases[initiative_id].add(alias)
    rows = con.execute(QUERIES["initiatives"]).fetchall()
    return InitiativeResolver([Initiative(iid, name, acr, aliases[iid]) for iid, name, acr in rows])


class _Rows:
    """Rows collected for each storage table during one run: one at a time, or a column reader's many at once."""

    def __init__(self) -> None:
        self._chunks: dict[str, list[list[dict] | dict[str, list]]] = defaultdict(list)

    def add(self, table: str, **row: object) -> None:
        if not self._chunks[table] or not isinstance(self._chunks[table][-1], list):
            self._chunks[table].append([])
        self._chunks[table][-1].append(row)

    def values(self, table: str, column: str) -> list:
        """One column of every row of a table, in the order added."""
        return [value for chunk in self._chunks.get(table, [])
                for value in ([row[column] for row in chunk] if isinstance(chunk, list) else chunk[column])]

    def add_columns(self, table: str, columns: dict[str, list]) -> None:
        """Many rows at once, a list per column, kept in order with the rows added one at a time."""
        self._chunks[table].append(columns)

    def frame(self, table: str) -> pl.DataFrame | None:
        """Every row of a table in the order added, as one frame of its columns."""
        frames = [pl.DataFrame(chunk, schema=None, infer_schema_length=None).select(_COLUMNS[table])
                  if isinstance(chunk, list) else pl.DataFrame(chunk, strict=False).select(_COLUMNS[table])
                  for chunk in _joined(self._chunks.get(table, [])) if _row_count(chunk)]
        return pl.concat(frames, how="vertical_relaxed") if frames else None


def _joined(chunks: list[list[dict] | dict[str, list]]) -> list[list[dict] | dict[str, list]]:
    """Consecutive column chunks as one (a frame per file of a GDELT day cost a third of a second to build)."""
    out: list[list[dict] | dict[str, list]] = []
    for chunk in chunks:
        if isinstance(chunk, dict) and out and isinstance(out[-1], dict) and out[-1].keys() == chunk.keys():
            for column, values in chunk.items():
                out[-1][column].extend(values)
        else:
            out.append({column: list(values) for column, values in chunk.items()} if isinstance(chunk, dict) else chunk)
    return out


def _row_count(chunk: list[dict] | dict[str, list]) -> int:
    return len(chunk) if isinstance(chunk, list) else len(next(iter(chunk.values()), []))


def _participant_key(official_ids: list[str], countries: list[str | None], party_countries: list[str]) -> str:
    """Sorted people (and the countries of unnamed parties); for reports naming no one, the countries taking part."""
    parties = ",".join(sorted(set(party_countries)))
    if official_ids:
        people = ",".join(sorted(set(official_ids)))
        return f"{people}|countries:{parties}" if parties else people
    named = sorted({c for c in countries if c} | set(party_countries))
    return "countries:" + ",".join(named) if named else ""


def _resolve_people(record: SourceRecord, officials: OfficialResolver) -> list[tuple[Official, object]]:
    resolved = []
    for person in record.engagement.participants:
        official = officials.resolve(person.name, person.country_iso3)
        if official is not None:
            official.add_aliases(person.aliases)
            resolved.append((official, person))
    return resolved


def _resolve_records(records: list[SourceRecord], officials: OfficialResolver) -> tuple[list, list[str]]:
    """Each record's resolved people and its participant key."""
    people = [_resolve_people(r, officials) for r in records]
    keys = [
        _participant_key([o.official_id for o, _ in ps], [p.country_iso3 for p in r.engagement.participants],
                         [party.country_iso3 for party in r.engagement.parties])
        for r, ps in zip(records, people)
    ]
    return people, keys


def _collect(records: list[SourceRecord], people: list, keys: list[str], merger: Merger, initiatives,
             input_path: str, rows: _Rows, summary: RunSummary, loaded_at: dt.datetime) -> None:
    for record, resolved, pkey in zip(records, people, keys):
        e = record.engagement
        key = EngagementKey(e.kind, e.status, pkey, e.country_iso3, e.start_date, e.date_precision)
        engagement_id, merged = merger.find_or_add(key)
        summary.records_merged += merged
        summary.records_loaded += not merged
        rows.add("engagement", engagement_id=engagement_id, kind=e.kind, status=e.status,
                 start_date=e.start_date, end_date=e.end_date, date_precision=e.date_precision, city=e.city,
                 country_iso3=e.country_iso3, title=e.title, description=record.text, participant_key=pkey,
                 confidence=record.confidence)
        for official, person in resolved:
            rows.add("participant", engagement_id=engagement_id, official_id=official.official_id,
                     name=person.name, title=person.title, country_iso3=person.country_iso3 or official.country_iso3,
                     role=person.role, seniority=seniority(person.title)[0])
        for party in e.parties:
            rows.add("engagement_party", engagement_id=engagement_id, country_iso3=party.country_iso3,
                     role=party.role, name=party.name)
        for mention in e.initiatives:
            initiative = initiatives.resolve(mention)
            if initiative:
                rows.add("engagement_initiative", engagement_id=engagement_id,
                         initiative_id=initiative.initiative_id, evidence=record.evidence)
        for topic in {t.strip().lower() for t in e.topics if t.strip()}:
            rows.add("engagement_topic", engagement_id=engagement_id, topic=topic)
        source_id = stable_id(record.source_kind, record.uri, record.locator)
        rows.add("source", source_id=source_id, kind=record.source_kind, uri=record.uri, locator=record.locator,
                 title=record.source_title, published_at=record.published_at, loaded_at=loaded_at,
                 input_path=input_path, text=record.text)
        rows.add("engagement_source", engagement_id=engagement_id, source_id=source_id, evidence=record.evidence,
                 extractor=record.extractor, confidence=record.confidence)
        if record.coded_event is not None:
            rows.add("coded_event", source_id=source_id, **record.coded_event.model_dump())


def _reject_columns(rejects: list, run_id: int, input_path: str) -> dict[str, list]:
    return {"run_id": [run_id] * len(rejects), "input_path": [input_path] * len(rejects),
            **{name: [getattr(r, name) for r in rejects]
               for name in ("source_kind", "locator", "field", "reason", "record")}}


def _coded_keys(coded: CodedRows) -> list[str]:
    """Each coded engagement's participant key: the countries taking part."""
    return [_participant_key([], [], [iso3 for iso3, _, _ in parties]) for parties in coded.parties]


def _collect_coded(coded: CodedRows, keys: list[str], merger: Merger, input_path: str, rows: _Rows,
                   summary: RunSummary, loaded_at: dt.datetime) -> None:
    """A column reader's coded engagements, stored as _collect stores SourceRecords of the same values."""
    n = len(coded)
    engagement_ids, source_ids = [], []
    party_columns: dict[str, list] = {"engagement_id": [], "country_iso3": [], "role": [], "name": []}
    for i in range(n):
        key = EngagementKey(coded.kind[i], coded.status[i], keys[i], coded.country_iso3[i], coded.day[i], "day")
        engagement_id, merged = merger.find_or_add(key)
        summary.records_merged += merged
        summary.records_loaded += not merged
        engagement_ids.append(engagement_id)
        source_ids.append(stable_id(coded.source_kind, coded.uri[i], coded.locator[i]))
        for iso3, role, name in coded.parties[i]:
            for column, value in zip(party_columns, (engagement_id, iso3, role, name)):
                party_columns[column].append(value)
    nothing, kind = [None] * n, [coded.source_kind] * n
    rows.add_columns("engagement", {
        "engagement_id": engagement_ids, "kind": coded.kind, "status": coded.status, "start_date": coded.day,
        "end_date": coded.day, "date_precision": ["day"] * n, "city": coded.city, "country_iso3": coded.country_iso3,
        "title": coded.title, "description": nothing, "participant_key": keys, "confidence": [coded.confidence] * n})
    rows.add_columns("engagement_party", party_columns)
    rows.add_columns("source", {
        "source_id": source_ids, "kind": kind, "uri": coded.uri, "locator": coded.locator, "title": coded.title,
        "published_at": nothing, "loaded_at": [loaded_at] * n, "input_path": [input_path] * n, "text": nothing})
    rows.add_columns("engagement_source", {
        "engagement_id": engagement_ids, "source_id": source_ids, "evidence": nothing,
        "extractor": [coded.extractor] * n, "confidence": [coded.confidence] * n})
    rows.add_columns("coded_event", {"source_id": source_ids, **coded.coded})


_COLUMNS = {
    "engagement": ["engagement_id", "kind", "status", "start_date", "end_date", "date_precision", "city",
                   "country_iso3", "title", "description", "participant_key", "confidence"],
    "participant": ["engagement_id", "official_id", "name", "title", "country_iso3", "role", "seniority"],
    "engagement_initiative": ["engagement_id", "initiative_id", "evidence"],
    "engagement_topic": ["engagement_id", "topic"],
    "engagement_party": ["engagement_id", "country_iso3", "role", "name"],
    "coded_event": ["source_id", "event_id", "event_code", "actor1", "actor1_code", "actor2", "actor2_code", "place",
                    "goldstein", "num_mentions", "num_sources", "num_articles", "avg_tone", "publisher"],
    "source": ["source_id", "kind", "uri", "locator", "title", "published_at", "loaded_at", "input_path", "text"],
    "engagement_source": ["engagement_id", "source_id", "evidence", "extractor", "confidence"],
    "official": ["official_id", "name", "country_iso3"],
    "official_alias": ["official_id", "alias"],
    "initiative": ["initiative_id", "name", "acronym"],
    "initiative_alias": ["initiative_id", "alias"],
    "reject": ["run_id", "source_kind", "input_path", "locator", "field", "reason", "record"],
}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: _Rows) -> None:
    """Insert rows, keeping the first of any with the same key (this is what makes reruns no-ops)."""
    frame = rows.frame(table)
    if frame is None:
        return
    con.register("incoming_rows", frame.to_arrow())
    try:
        columns = ", ".join(_COLUMNS[table])
        con.execute(f"insert or ignore into store.{table} ({columns}) select {columns} from incoming_rows")  # noqa: S608 - table and columns are constants
    finally:
        con.unregister("incoming_rows")


def _identities(rows: _Rows, officials: OfficialResolver, initiatives: InitiativeResolver) -> None:
    for o in officials.officials:
        if o.is_new:
            rows.add("official", official_id=o.official_id, name=o.name, country_iso3=o.country_iso3)
        if o.touched:  # only officials that gained a spelling: re-inserting every alias made each load cost more
            for alias in o.aliases:
                rows.add("official_alias", official_id=o.official_id, alias=alias)
    for i in initiatives.initiatives:
        if i.is_new:
            rows.add("initiative", initiative_id=i.initiative_id, name=i.name, acronym=i.acronym)
        else:
            rows.add("initiative_acronym", initiative_id=i.initiative_id, acronym=i.acronym)
        for alias in i.aliases:
            rows.add("initiative_alias", initiative_id=i.initiative_id, alias=alias)


_FORGET = ("forget_input_links", "forget_input_coded_events", "forget_input_sources", "forget_input_rejects")
_ORPHANS = ("drop_orphan_participants", "drop_orphan_initiatives", "drop_orphan_topics", "drop_orphan_parties",
            "drop_orphan_engagements")


def _forget_inputs(con: duckdb.DuckDBPyConnection, paths: list[str]) -> None:
    """Remove what these inputs contributed before, so a changed file replaces its old records."""
    note_touched(con, [eid for (eid,) in con.execute(QUERIES["input_engagements"], [paths]).fetchall()])
    removed = con.execute(QUERIES["forget_input_links"], [paths]).fetchone()[0]
    for name in _FORGET[1:]:
        con.execute(QUERIES[name], [paths])
    if removed:  # orphans can only appear where evidence links were removed; the sweep is costly on big warehouses
        for name in _ORPHANS:
            con.execute(QUERIES[name])


def write_run(con: duckdb.DuckDBPyConnection, source_kind: str, batches: list[Batch],
              files: dict[str, InputFile]) -> RunSummary:
    """Replace what the given inputs contributed before with their new records, all in one transaction.

    The engagements it touched are noted, and the derived tables recomputed for them by whoever publishes
    (etl.warehouse.publish.staged, once for every run of the publish) or calls update_marts.
    """
    started = _now()
    run_id = _next_run_id(con)
    summary = RunSummary(run_id=run_id, source_kind=source_kind)
    con.begin()
    try:
        # Reports that name no one and no initiative (a GDELT day) need neither resolver: building the officials'
        # one costs 0.7 s over 20,000 known officials.
        engagements = [record.engagement for batch in batches for record in batch.records]
        officials = _load_officials(con) if any(e.participants for e in engagements) else OfficialResolver()
        initiatives = _load_initiatives(con) if any(e.initiatives for e in engagements) else InitiativeResolver()
        rows = _Rows()
        _forget_inputs(con, [batch.path for batch in batches])
        resolved = [_resolve_records(batch.records, officials) for batch in batches]
        coded_keys = [_coded_keys(batch.coded_rows) if batch.coded_rows is not None else [] for batch in batches]
        merger = Merger(con, {key for _, keys in resolved for key in keys} | {key for keys in coded_keys for key in keys})
        for batch, (people, keys), coded in zip(batches, resolved, coded_keys):  # one query above, not one an input
            summary.records_in += batch.records_in
            summary.records_skipped += batch.records_skipped
            _collect(batch.records, people, keys, merger, initiatives, batch.path, rows, summary, started)
            if batch.coded_rows is not None:
                _collect_coded(batch.coded_rows, coded, merger, batch.path, rows, summary, started)
            summary.rejects.extend(batch.rejects)
            rows.add_columns("reject", _reject_columns(batch.rejects, run_id, batch.path))
        summary.records_rejected = len(summary.rejects)
        _identities(rows, officials, initiatives)
        for table in _COLUMNS:
            _insert(con, table, rows)
        for o in officials.officials:
            if o.renamed and not o.is_new:
                con.execute(QUERIES["rename_official"], [o.name, o.official_id])
        for acronym, initiative_id in zip(rows.values("initiative_acronym", "acronym"),
                                          rows.values("initiative_acronym", "initiative_id")):
            if acronym:
                con.execute(QUERIES["set_initiative_acronym"], [acronym, initiative_id])
        inputs = list(files.values())
        con.execute(QUERIES["record_inputs"], [list(files), source_kind, [f.sha256 for f in inputs],
                                               [f.size_bytes for f in inputs], run_id, started,
                                               [f.read_with for f in inputs]])
        note_touched(con, rows.values("engagement", "engagement_id"))
        con.execute(QUERIES["record_run"], [run_id, source_kind, started, _now(), summary.status,
                                            summary.records_in, summary.records_loaded, summary.records_merged,
                                            summary.records_rejected, sorted(files), summary.message,
                                            summary.records_skipped])
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return summary


def _next_run_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select nextval('store.run_ids')").fetchone()[0]


def _record_empty_run(con: duckdb.DuckDBPyConnection, source_kind: str, status: str, inputs: list[str],
                      message: str, at: dt.datetime | None = None) -> int:
    """Log a run that wrote no records."""
    run_id = _next_run_id(con)
    now = at or _now()
    con.execute(QUERIES["record_run"], [run_id, source_kind, now, now, status, 0, 0, 0, 0, inputs, message, 0])
    return run_id


def record_failed_run(con: duckdb.DuckDBPyConnection, source_kind: str, inputs: list[str], message: str,
                      at: dt.datetime | None = None) -> int:
    """Log a run that failed before or during its transaction (at the time it failed, when that was earlier)."""
    return _record_empty_run(con, source_kind, "failed", inputs, message, at)


def record_skipped_run(con: duckdb.DuckDBPyConnection, source_kind: str, inputs: list[str]) -> int:
    """Log a run whose inputs had all been loaded before, unchanged."""
    return _record_empty_run(con, source_kind, "unchanged", inputs,
                             f"{len(inputs)} input(s) unchanged since their last load")
