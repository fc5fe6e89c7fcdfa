"""ICEWS event files: tab-separated, 20 columns with a header, one coded event per row.

Source and target are named people ("Aso Taro", "Mike Pompeo"), who become officials resolved with every
other source, or sector actors ("Foreign Affairs (Bangladesh)", "Russia"), who become country-level parties.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from etl.records import Batch, CodedEvent, Reject, SourceRecord
from etl.resolve.countries import to_iso3
from etl.sources.cameo import Actor, CodedEventError, coded_engagement, coded_number, collect
from etl.sources.files import InputError, iter_files, read_text

KIND = "icews"
CONFIDENCE = 0.6  # machine-coded from one sentence, with named actors; see docs/machine-coded.md
COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
           "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
           "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")
_MISSING = {"", "NA", "N/A", "NULL"}

# Words that make a name an organisation, a medium or a place rather than a person.
_NOT_PERSON_WORDS = frozenset("""
    agency alliance army assembly association bank bureau cabinet centre center church commission committee company
    congress corporation council court cross crescent department embassy forces foundation front fund government
    group house institute league media ministry movement nations network news office organisation organization
    parliament party police press radio republic security senate service television times union university
    asia africa america europe caribbean pacific atlantic gulf middle east west north south sea
""".split())
_WORD = re.compile(r"[A-Za-zÀ-ÿ'\-.]+")


def is_person(name: str, sectors: str, country: str) -> bool:
    """True when an ICEWS actor name is a named person, not a sector actor, an organisation or a place."""
    if not name or "(" in name or "," in name or any(ch.isdigit() for ch in name):
        return False
    if name == country or to_iso3(name):
        return False
    words = _WORD.findall(name)
    if len(words) < 2 or any(w.lower() in _NOT_PERSON_WORDS for w in words):
        return False
    if any(w in ("of", "the", "for", "and") for w in words) and not re.search(r"\b[IVX]+ of\b", name):
        return False  # "Executive Office of the President", but "Abdullah II of Jordan" is a king
    if any(s.strip() in ("News", "Media") for s in sectors.split(",")):
        return False
    return True


def _value(row: dict[str, str], column: str) -> str:
    value = (row.get(column) or "").strip()
    return "" if value in _MISSING else value


def _actor(row: dict[str, str], side: str) -> Actor:
    name, sectors, country = (_value(row, f"{side} {c}") for c in ("Name", "Sectors", "Country"))
    iso3 = to_iso3(country) if country else None
    if country and iso3 is None:
        raise CodedEventError(f"{side} Country", f"unknown country '{country}'")
    if is_person(name, sectors, country):
        return Actor(label=name, country_iso3=iso3, person=True, field=f"{side} Name")
    return Actor(label=name or None, country_iso3=iso3, field=f"{side} Country")


def _place(row: dict[str, str]) -> tuple[str | None, str | None]:
    country = _value(row, "Country")
    iso3 = to_iso3(country) if country else None
    if country and iso3 is None:
        raise CodedEventError("Country", f"unknown country '{country}'")
    return iso3, _value(row, "City") or None


def _date(row: dict[str, str]) -> dt.date:
    text = _value(row, "Event Date")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CodedEventError("Event Date", f"'{text}' is not a date YYYY-MM-DD") from None


def _base_code(row: dict[str, str]) -> str:
    code = _value(row, "CAMEO Code")
    if not code.isdigit() or len(code) < 2:
        raise CodedEventError("CAMEO Code", f"'{code}' is not a CAMEO code")
    return code[:3]


def to_record(row: dict[str, str], path: Path, base_code: str) -> SourceRecord:
    """One in-scope ICEWS row as a source record; CodedEventError names the faulty column."""
    event_id = _value(row, "Event ID")
    if not event_id:
        raise CodedEventError("Event ID", "missing")
    place_iso3, city = _place(row)
    source, target = _actor(row, "Source"), _actor(row, "Target")
    engagement = coded_engagement(base_code, _date(row), source, target, place_iso3, city)
    place = ", ".join(p for p in (city, _value(row, "Province"), _value(row, "Country")) if p) or None
    coded = CodedEvent(event_id=event_id, event_code=_value(row, "CAMEO Code"), actor1=source.label,
                       actor2=target.label, place=place,
                       goldstein=coded_number(_value(row, "Intensity"), "Intensity"),
                       publisher=_value(row, "Publisher") or None)
    story = _value(row, "Story ID")
    uri = f"icews:story/{story}#{_value(row, 'Sentence Number')}" if story else f"icews:event/{event_id}"
    return SourceRecord(engagement=engagement, source_kind=KIND, uri=uri, locator=f"{path.name}#{event_id}",
                        source_title=engagement.title, evidence=_value(row, "Event Text") or None,
                        extractor="icews-cameo", confidence=CONFIDENCE, coded_event=coded)


def _rows(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    lines = read_text(path, KIND).splitlines()
    header = lines[0].split("\t")
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(Reject(source_kind=KIND, locator=f"{path}: line 1", field="header",
                                reason=f"missing column(s) {', '.join(missing)}; an ICEWS file has {len(COLUMNS)}"))
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            yield number, line, header


def parse_icews(path: Path) -> Batch:
    """Every meeting, consultation and visit event of one ICEWS file as a record; bad rows as rejects."""
    batch = Batch(path=str(path))
    try:
        for number, line, header in _rows(path):
            batch.records_in += 1
            values = line.split("\t")
            locator = f"{path}: line {number}"
            if len(values) != len(header):
                batch.rejects.append(Reject(source_kind=KIND, locator=locator, field="row", record=line[:2000],
                                            reason=f"{len(values)} columns; the header has {len(header)}"))
                continue
            row = dict(zip(header, values))
            collect(batch, KIND, locator, line, lambda: _base_code(row), lambda code: to_record(row, path, code))
    except InputError as exc:
        batch.rejects.append(exc.reject)
    return batch


def iter_event_files(paths: list[Path]) -> Iterator[Path]:
    """The ICEWS event files (.tab, .tsv, .txt) under the given files and directories."""
    return iter_files(paths, (".tab", ".tsv", ".txt"))
