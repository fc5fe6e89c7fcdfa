"""GDELT event exports: 2.0 (61 columns) and 1.0 (57 or 58 columns, mixed in one file), plain or zipped.

Only CAMEO meeting, consultation and visit events become engagements (etl/sources/cameo.py); other rows are
counted as skipped. One real event reported many times (one row per report, mirror-image visit/host rows) ends
up as one engagement with many sources, through the warehouse's merge rule.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from etl.records import Batch, CodedEvent, Reject, SourceRecord
from etl.resolve.codes import KNOWN_GROUPS, UnknownCode, actor_type, cameo_country, fips_country
from etl.resolve.countries import country_name
from etl.sources.cameo import Actor, CodedEventError, coded_engagement, coded_number, collect
from etl.sources.files import InputError, iter_files

KIND = "gdelt"
CONFIDENCE = 0.5  # machine-coded from one news report; see docs/machine-coded.md
MAX_BYTES = 500 * 1024 * 1024

_EVENT = ("GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
          "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
          "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
          "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
          "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
          "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
          "NumArticles AvgTone").split()


def _geo(prefix: str, adm2: bool) -> list[str]:
    parts = ["Type", "FullName", "CountryCode", "ADM1Code"] + (["ADM2Code"] if adm2 else []) + ["Lat", "Long",
                                                                                                "FeatureID"]
    return [f"{prefix}_{part}" for part in parts]


def _layout(adm2: bool, url: bool) -> dict[str, int]:
    names = _EVENT + _geo("Actor1Geo", adm2) + _geo("Actor2Geo", adm2) + _geo("ActionGeo", adm2) + ["DATEADDED"]
    names += ["SOURCEURL"] if url else []
    return {name: index for index, name in enumerate(names)}


# Column positions by row width: GDELT 2.0, GDELT 1.0 daily files (with SOURCEURL), GDELT 1.0 backfiles.
LAYOUTS: dict[int, dict[str, int]] = {61: _layout(True, True), 58: _layout(False, True), 57: _layout(False, False)}


class _Row:
    """One GDELT row, read by column name."""

    def __init__(self, values: list[str], layout: dict[str, int]) -> None:
        self.values, self.layout = values, layout

    def __getitem__(self, name: str) -> str:
        index = self.layout.get(name)
        return self.values[index].strip() if index is not None else ""


def export_lines(path: Path) -> Iterator[str]:
    """The text lines of an export, unzipping a .zip (GDELT's own packaging) first."""
    if path.stat().st_size > MAX_BYTES:
        raise InputError(Reject(source_kind=KIND, locator=str(path), reason=f"file is over {MAX_BYTES} bytes"))
    data = path.read_bytes()
    if path.suffix.lower() == ".zip" or data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [m for m in archive.namelist() if not m.endswith("/")]
                if len(members) != 1:
                    raise InputError(Reject(source_kind=KIND, locator=str(path),
                                            reason=f"zip holds {len(members)} files; expected one export"))
                data = archive.read(members[0])
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
            raise InputError(Reject(source_kind=KIND, locator=str(path), reason=f"not a readable zip: {exc}")) from None
    if not data.strip():
        raise InputError(Reject(source_kind=KIND, locator=str(path), reason="empty file"))
    # GDELT is UTF-8 but carries the odd mangled byte in place names; never lose a row over one.
    yield from data.decode("utf-8", errors="replace").splitlines()


def _number(row: _Row, name: str, cast: type) -> float | int | None:
    return coded_number(row[name], name, cast)


def _actor(row: _Row, n: int) -> Actor:
    field = f"Actor{n}CountryCode"
    try:
        iso3 = cameo_country(row[field]) or KNOWN_GROUPS.get(row[f"Actor{n}KnownGroupCode"])
    except UnknownCode as exc:
        raise CodedEventError(field, str(exc)) from None
    return Actor(label=_label(row, n, iso3), country_iso3=iso3, field=field)


def _label(row: _Row, n: int, iso3: str | None) -> str | None:
    """A readable actor: 'China (Government)' for a country's sector, else the coded name ('Vladimir Putin')."""
    name, sector = row[f"Actor{n}Name"], actor_type(row[f"Actor{n}Type1Code"])
    if iso3 and row[f"Actor{n}Code"][3:6] == row[f"Actor{n}Type1Code"]:
        return f"{country_name(iso3)} ({sector})" if sector else country_name(iso3)
    if iso3 and row[f"Actor{n}Code"] == row[f"Actor{n}CountryCode"]:
        return country_name(iso3)
    return name.title() if name else None


def _place(row: _Row) -> tuple[str | None, str | None]:
    """The ISO country and city of ActionGeo (a city only for geo types 3 and 4, US and world cities)."""
    try:
        iso3 = fips_country(row["ActionGeo_CountryCode"])
    except UnknownCode as exc:
        raise CodedEventError("ActionGeo_CountryCode", str(exc)) from None
    city = row["ActionGeo_FullName"].split(",")[0].strip() if row["ActionGeo_Type"] in ("3", "4") else None
    return iso3, city or None


def _date(row: _Row) -> dt.date:
    text = row["SQLDATE"]
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise CodedEventError("SQLDATE", f"'{text}' is not a date YYYYMMDD") from None


def _base_code(row: _Row) -> str:
    base = row["EventBaseCode"] or row["EventCode"][:3]
    if not base.isdigit() or not row["EventCode"].isdigit():
        field = "EventBaseCode" if not base.isdigit() else "EventCode"
        raise CodedEventError(field, f"'{row[field]}' is not a CAMEO code")
    return base


def to_record(row: _Row, path: Path, base_code: str) -> SourceRecord:
    """One in-scope GDELT row as a source record; CodedEventError names the faulty column."""
    event_id = row["GLOBALEVENTID"]
    if not event_id.isdigit():
        raise CodedEventError("GLOBALEVENTID", f"'{event_id}' is not a number")
    place_iso3, city = _place(row)
    engagement = coded_engagement(base_code, _date(row), _actor(row, 1), _actor(row, 2), place_iso3, city)
    coded = CodedEvent(
        event_id=event_id, event_code=row["EventCode"], actor1=row["Actor1Name"] or None,
        actor1_code=row["Actor1Code"] or None, actor2=row["Actor2Name"] or None, actor2_code=row["Actor2Code"] or None,
        place=row["ActionGeo_FullName"] or None, goldstein=_number(row, "GoldsteinScale", float),
        num_mentions=_number(row, "NumMentions", int), num_sources=_number(row, "NumSources", int),
        num_articles=_number(row, "NumArticles", int), avg_tone=_number(row, "AvgTone", float))
    url = row["SOURCEURL"]
    return SourceRecord(engagement=engagement, source_kind=KIND, uri=url or f"gdelt:event/{event_id}",
                        locator=f"{path.name}#{event_id}", source_title=engagement.title, extractor="gdelt-cameo",
                        confidence=CONFIDENCE, coded_event=coded)


def parse_gdelt(path: Path) -> Batch:
    """Every meeting, consultation and visit row of one export as a record; bad rows as rejects."""
    batch = Batch(path=str(path))
    try:
        for number, line in enumerate(export_lines(path), start=1):
            if not line.strip():
                continue
            batch.records_in += 1
            values = line.split("\t")
            locator = f"{path}: line {number}"
            layout = LAYOUTS.get(len(values))
            if layout is None:
                batch.rejects.append(Reject(source_kind=KIND, locator=locator, field="row", record=line[:2000],
                                            reason=f"{len(values)} columns; a GDELT export has 57, 58 or 61"))
                continue
            row = _Row(values, layout)
            collect(batch, KIND, locator, line, lambda: _base_code(row), lambda code: to_record(row, path, code))
    except InputError as exc:
        batch.rejects.append(exc.reject)
    return batch


def iter_exports(paths: list[Path]) -> Iterator[Path]:
    """The GDELT export files under the given files and directories (.CSV, .tsv, .txt, optionally zipped)."""
    return iter_files(paths, (".csv", ".tsv", ".txt", ".zip"))
