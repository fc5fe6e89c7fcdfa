"""The analyst's own curated engagements as CSV or JSON (format in docs/curated-tables.md)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from etl.records import KINDS, ROLES, STATUSES, Batch, Engagement, Participant, Reject, SourceRecord
from etl.resolve.countries import to_iso3
from etl.resolve.dates import parse_partial_date
from etl.sources.files import InputError, iter_files, read_text
from etl.sources.hsg import RecordError

KIND = "table"
COLUMNS = ("record_id", "kind", "status", "start_date", "end_date", "city", "country", "title", "participants",
           "initiatives", "topics", "source_url", "evidence", "confidence")
REQUIRED = ("record_id", "kind", "start_date")


def _country(value: Any, field: str) -> str | None:
    if value in (None, ""):
        return None
    iso3 = to_iso3(str(value))
    if iso3 is None:
        raise RecordError(field, f"unknown country '{value}'")
    return iso3


def _list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _participant(value: Any, index: int) -> Participant:
    field = f"participants[{index}]"
    if isinstance(value, str):
        parts = [p.strip() for p in value.split("|")]
        parts += [""] * (4 - len(parts))
        value = dict(zip(("name", "title", "country", "role"), parts[:4]))
    if not isinstance(value, dict):
        raise RecordError(field, "must be 'name | title | country | role' or an object")
    name = str(value.get("name") or "").strip()
    if not name:
        raise RecordError(f"{field}.name", "missing")
    role = str(value.get("role") or "attendee").strip().lower()
    if role not in ROLES:
        raise RecordError(f"{field}.role", f"'{role}' is not one of {', '.join(ROLES)}")
    return Participant(name=name, title=str(value.get("title") or "").strip() or None,
                       country_iso3=_country(value.get("country"), f"{field}.country"), role=role)


def _participants(value: Any) -> list[Participant]:
    items = value if isinstance(value, list) else _list(value)
    return [_participant(item, i) for i, item in enumerate(items, start=1)]


def _choice(row: dict, field: str, allowed: tuple[str, ...], default: str | None) -> str:
    value = str(row.get(field) or default or "").strip().lower()
    if value not in allowed:
        raise RecordError(field, f"'{value}' is not one of {', '.join(allowed)}")
    return value


def _confidence(value: Any) -> float:
    if value in (None, ""):
        return 1.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RecordError("confidence", f"'{value}' is not a number") from None
    if not 0 <= number <= 1:
        raise RecordError("confidence", f"{number} is not between 0 and 1")
    return number


def to_record(row: dict[str, Any], path: Path) -> SourceRecord:
    """One validated curated row as a source record; RecordError names the faulty field."""
    for field in REQUIRED:
        if str(row.get(field) or "").strip() == "":
            raise RecordError(field, "missing")
    unknown = sorted(set(row) - set(COLUMNS))
    if unknown:
        raise RecordError(unknown[0], f"unknown field (expected {', '.join(COLUMNS)})")
    try:
        start, precision = parse_partial_date(str(row["start_date"]))
    except ValueError as exc:
        raise RecordError("start_date", str(exc)) from None
    end = None
    if str(row.get("end_date") or "").strip():
        try:
            end = parse_partial_date(str(row["end_date"]))[0]
        except ValueError as exc:
            raise RecordError("end_date", str(exc)) from None
        if end < start:
            raise RecordError("end_date", f"{end} is before start_date {start}")
    engagement = Engagement(
        kind=_choice(row, "kind", KINDS, None), status=_choice(row, "status", STATUSES, "held"),
        start_date=start, end_date=end, date_precision=precision, city=row.get("city") or None,
        country_iso3=_country(row.get("country"), "country"), title=row.get("title") or None,
        participants=_participants(row.get("participants")), initiatives=_list(row.get("initiatives")),
        topics=_list(row.get("topics")))
    record_id = str(row["record_id"]).strip()
    return SourceRecord(engagement=engagement, source_kind=KIND, locator=f"{path.name}#{record_id}",
                        uri=str(row.get("source_url") or f"file:{path.name}#{record_id}"),
                        source_title=engagement.title, evidence=row.get("evidence") or None,
                        extractor="curated", confidence=_confidence(row.get("confidence")))


def _rows(path: Path, text: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(locator, row) for each record of a CSV, JSON array or JSON Lines file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or "record_id" not in reader.fieldnames:
            raise InputError(Reject(source_kind=KIND, locator=f"{path}: line 1", field="header",
                                    reason=f"header must name the columns {', '.join(COLUMNS)}"))
        for row in reader:
            if None in row:
                yield f"{path}: line {reader.line_num}", {"__extra__": row.pop(None)}
                continue
            yield f"{path}: line {reader.line_num}", row
        return
    if suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{path}: line {number}", _json(line, path, number)
        return
    data = _json(text, path, None)
    if not isinstance(data, list):
        raise InputError(Reject(source_kind=KIND, locator=str(path), reason="JSON must be an array of records"))
    for index, row in enumerate(data):
        yield f"{path}: record {index}", row


def _json(text: str, path: Path, line: int | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{path}: line {line or exc.lineno}"
        raise InputError(Reject(source_kind=KIND, locator=where, reason=f"invalid JSON: {exc.msg}")) from None


def parse_table(path: Path) -> Batch:
    """Every row of one curated CSV/JSON file as a record, or a reject naming row and field."""
    batch = Batch(path=str(path))
    seen: set[str] = set()
    try:
        text = read_text(path, KIND)
        for locator, row in _rows(path, text):
            batch.records_in += 1
            raw = json.dumps(row, default=str)[:2000]
            try:
                if not isinstance(row, dict):
                    raise RecordError("record", "must be an object")
                if "__extra__" in row:
                    raise RecordError("row", f"more values than the header has columns: {row['__extra__']}")
                record = to_record(row, path)
                if record.locator in seen:
                    raise RecordError("record_id", f"duplicate id '{row['record_id']}' in this file")
                seen.add(record.locator)
                batch.records.append(record)
            except RecordError as exc:
                batch.rejects.append(Reject(source_kind=KIND, locator=locator, field=exc.field, reason=exc.reason,
                                            record=raw))
            except ValidationError as exc:
                error = exc.errors()[0]
                batch.rejects.append(Reject(source_kind=KIND, locator=locator, reason=error["msg"], record=raw,
                                            field=".".join(str(p) for p in error["loc"]) or None))
    except InputError as exc:
        batch.rejects.append(exc.reject)
    return batch


def iter_tables(paths: list[Path]) -> Iterator[Path]:
    """The curated .csv/.json/.jsonl files under the given files and directories."""
    return iter_files(paths, (".csv", ".json", ".jsonl"))
