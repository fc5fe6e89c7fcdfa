"""US Office of the Historian travels (trips abroad) and visits (foreign leaders to the US) XML."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from pydantic import ValidationError

from etl.records import Batch, Engagement, Participant, Reject, SourceRecord
from etl.extract.remarks import people_met
from etl.resolve.countries import to_iso3
from etl.resolve.titles import split_title
from etl.sources.files import InputError, read_text

TRAVEL_TITLES = {"president": "President", "secretary": "Secretary of State"}
_SPACES = re.compile(r"\s+")


class RecordError(ValueError):
    """One field of one record is wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


def _text(element: Element, tag: str) -> str | None:
    """The whitespace-normalised text of a child element (including nested markup), or None."""
    child = element.find(tag)
    if child is None:
        return None
    text = _SPACES.sub(" ", "".join(child.itertext())).strip()
    return text or None


def _required(element: Element, tag: str) -> str:
    value = _text(element, tag)
    if value is None:
        raise RecordError(tag, "missing or empty")
    return value


def _date(element: Element, tag: str) -> dt.date:
    value = _required(element, tag)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError(tag, f"'{value}' is not a date (YYYY-MM-DD)") from None


def _country(element: Element, tag: str) -> tuple[str, str]:
    child = element.find(tag)
    if child is None:
        raise RecordError(tag, "missing")
    slug = (child.get("id") or "").strip()
    label = _SPACES.sub(" ", "".join(child.itertext())).strip()
    iso3 = to_iso3(slug) or to_iso3(label)
    if iso3 is None:
        raise RecordError(tag, f"unknown country '{slug or label}'")
    return iso3, label or slug


def _slug_name(who: str) -> str | None:
    """'blinken-antony-j' -> 'Antony J. Blinken' (HSG slugs are surname-first)."""
    parts = [p for p in who.split("-") if p]
    if len(parts) < 2:
        return None
    given = [p.capitalize() + ("." if len(p) == 1 else "") for p in parts[1:]]
    return " ".join([*given, parts[0].capitalize()])


def _elements(path: Path, kind: str, tag: str) -> list[Element]:
    text = read_text(path, kind)
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise InputError(Reject(source_kind=kind, locator=f"{path}: line {line}", field=None,
                                reason=f"malformed XML at column {column}: {exc.msg if hasattr(exc, 'msg') else exc}")) from exc
    except DefusedXmlException as exc:
        raise InputError(Reject(source_kind=kind, locator=str(path), reason=f"unsafe XML refused: {exc}")) from exc
    return root.findall(tag)


def _meetings(visit: SourceRecord, traveller: Participant) -> list[SourceRecord]:
    """A held meeting with each person the trip's remarks say the traveller met, on the trip's dates."""
    e = visit.engagement
    records = []
    for number, person in enumerate(people_met(visit.text, e.country_iso3, e.start_date), start=1):
        met = Participant(name=person.name, title=person.title, country_iso3=person.country, role="host")
        engagement = Engagement(kind="meeting", status="held", start_date=e.start_date, end_date=e.end_date,
                                city=e.city, country_iso3=e.country_iso3, participants=[traveller, met],
                                title=f"{traveller.title} {traveller.name} meets {person.title} {person.name}")
        records.append(visit.model_copy(update={
            "engagement": engagement, "locator": f"{visit.locator}#met{number}", "evidence": person.evidence,
            "extractor": "hsg-remarks", "confidence": 0.8}))
    return records


def _travel(trip: Element, path: Path) -> list[SourceRecord]:
    who = (trip.get("who") or "").strip()
    role = (trip.get("role") or _text(trip, "role") or "").strip()
    if role not in TRAVEL_TITLES:
        raise RecordError("role", f"'{role}' is not president or secretary")
    name = _required(trip, "name")
    start, end = _date(trip, "start-date"), _date(trip, "end-date")
    iso3, country_label = _country(trip, "country")
    city = _text(trip, "locale")
    title = TRAVEL_TITLES[role]
    slug_name = _slug_name(who)
    traveller = Participant(name=name, title=title, country_iso3="USA", role="visitor",
                            aliases=[slug_name] if slug_name else [])
    engagement = Engagement(kind="visit", status="held", start_date=start, end_date=end, city=city,
                            country_iso3=iso3, title=f"{title} {name} in {city + ', ' if city else ''}{country_label}",
                            participants=[traveller])
    visit = SourceRecord(engagement=engagement, source_kind="hsg-travels", locator=_trip_id(trip),
                         uri=f"https://history.state.gov/departmenthistory/travels/{role}/{who}",
                         source_title=f"Travels of the {title}: {name}", text=_text(trip, "remarks"))
    return [visit, *_meetings(visit, traveller)]


def split_visitors(visitor: str) -> list[tuple[str | None, str]]:
    """'President A and Prime Minister B' -> [('President', 'A'), ('Prime Minister', 'B')]."""
    pieces = re.split(r",\s+|\s+and\s+|\s*&\s*", visitor)
    people: list[list[str]] = []
    for piece in pieces:
        title, name = split_title(piece)
        starts_person = title is not None and (not people or split_title(" ".join(people[-1]))[0] is not None)
        if people and not starts_person:
            people[-1].append(piece)  # ', 3rd' or 'Premier and Prince' stay with the person before
        else:
            people.append([piece])
    result = []
    for group in people:
        joined = ", ".join(group) if len(group) > 1 else group[0]
        title, name = split_title(joined.replace(", ", " ") if len(group) > 1 else joined)
        result.append((title, name))
    return result


def _visit(visit: Element, path: Path) -> SourceRecord:
    visitor = _required(visit, "visitor")
    start, end = _date(visit, "start-date"), _date(visit, "end-date")
    iso3, country_label = _country(visit, "from")
    people = [Participant(name=name, title=title, country_iso3=iso3, role="visitor")
              for title, name in split_visitors(visitor) if name]
    if not people:
        raise RecordError("visitor", f"no name in '{visitor}'")
    engagement = Engagement(kind="visit", status="held", start_date=start, end_date=end, country_iso3="USA",
                            title=f"{visitor} ({country_label}) visits the United States", participants=people)
    return SourceRecord(engagement=engagement, source_kind="hsg-visits", locator=_trip_id(visit),
                        uri=f"https://history.state.gov/departmenthistory/visits/{iso3.lower()}",
                        source_title=f"Visits by foreign leaders: {country_label}", text=_text(visit, "description"))


def _trip_id(element: Element) -> str:
    value = _text(element, "id")
    if value is None or not value.isdigit():
        raise RecordError("id", f"'{value}' is not an integer id" if value else "missing")
    return value


def _parse(path: Path, kind: str, tag: str, build: Callable[[Element, Path], SourceRecord | list[SourceRecord]]) -> Batch:
    batch = Batch(path=str(path))
    try:
        elements = _elements(path, kind, tag)
    except InputError as exc:
        batch.rejects.append(exc.reject)
        return batch
    if not elements:
        batch.rejects.append(Reject(source_kind=kind, locator=str(path), reason=f"no <{tag}> records"))
    seen: set[str] = set()
    for position, element in enumerate(elements, start=1):
        batch.records_in += 1
        raw_id = _text(element, "id") or f"#{position}"
        locator = f"{path}: {tag} {raw_id}"
        try:
            built = build(element, path)
            records = built if isinstance(built, list) else [built]
            if records[0].locator in seen:
                raise RecordError("id", f"duplicate id {records[0].locator} in this file")
            seen.add(records[0].locator)
            for record in records:
                record.locator = f"{path.name}#{record.locator}"
            batch.records.extend(records)
        except RecordError as exc:
            batch.rejects.append(Reject(source_kind=kind, locator=locator, field=exc.field, reason=exc.reason,
                                        record=ElementTree.tostring(element, encoding="unicode")[:2000]))
        except ValidationError as exc:
            error = exc.errors()[0]
            batch.rejects.append(Reject(source_kind=kind, locator=locator,
                                        field=".".join(str(p) for p in error["loc"]) or None, reason=error["msg"],
                                        record=ElementTree.tostring(element, encoding="unicode")[:2000]))
    return batch


def parse_travels(path: Path) -> Batch:
    """Every trip leg in one HSG travels file as a held visit by the President or Secretary of State."""
    return _parse(path, "hsg-travels", "trip", _travel)


def parse_visits(path: Path) -> Batch:
    """Every foreign leader's visit in one HSG visits file as a held visit to the United States."""
    return _parse(path, "hsg-visits", "visit", _visit)


def iter_xml(paths: list[Path]) -> Iterator[Path]:
    """The .xml files under the given files and directories, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path
