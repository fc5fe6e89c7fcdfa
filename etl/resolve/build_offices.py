"""Rebuild etl/resolve/offices.tsv, who held which office when, from the public data in ../shared/data.

    .venv/bin/python -m etl.resolve.build_offices [--data ../shared/data] [--out etl/resolve/offices.tsv]

Sources (provenance in ../shared/data/README.md):
- hsg-pocom/positions-principals: every senior State Department office (Secretary, Deputy and Under Secretaries,
  Assistant Secretaries, special envoys), holder and started/ended dates; names from hsg-pocom/people.
- hsg-pocom/missions-countries and missions-orgs: US ambassadors and other chiefs of mission, with dates (to 2020).
- hsg-travels/presidents/presidents.xml: Presidents and their terms; later Presidents from president-travels
  (first to last trip abroad).
- hsg-visits/data: foreign leaders with the title the Office of the Historian gives at each visit.
- wh-briefings: the titled names release titles state at their date ('Prime Minister Narendra Modi of India'),
  and the US officials their text names by office ('Deputy Secretary of State Wendy Sherman', etl/resolve/us_offices.py),
  which fill the years hsg-pocom leaves empty; from the releases of 2021-2022 only: those of 2023-2025 are the silver split nobody tunes on
  (bench/eval_titles.py), and a table built from their titles would answer its questions from its own labels.

A holder seen only at dates (visits, titles) holds the office from the first to the last date seen. The output is
sorted, so a rebuild from the same data gives the same file byte for byte.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from defusedxml import ElementTree

from etl.resolve.countries import to_iso3
from etl.resolve.names import name_parts
from etl.resolve.offices import TERM_SUFFIX, Holder
from etl.resolve.officials import compatible
from etl.resolve.us_offices import us_officials

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ("name", "office", "country", "start", "end", "source")
_CHIEF_TITLES = {"ambassador-e-p": "Ambassador", "envoy-extraordinary-minister-plenipotentiary": "Envoy",
                 "charge-daffaires-ad-interim": "Chargé d'Affaires", "charge-daffaires": "Chargé d'Affaires",
                 "minister-resident": "Minister Resident", "ambassador": "Ambassador"}


def _text(node, path: str) -> str:
    found = node.find(path)
    return " ".join((found.text or "").split()) if found is not None and found.text else ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def _people(pocom: Path) -> dict[str, str]:
    names = {}
    for path in (pocom / "people").rglob("*.xml"):
        root = ElementTree.parse(path).getroot()
        names[_text(root, "id")] = f"{_text(root, 'persName/forename')} {_text(root, 'persName/surname')}".strip()
    return names


def _held(node) -> tuple[dt.date | None, dt.date | None]:
    start = _date(_text(node, "started/date")) or _date(_text(node, "appointed/date"))
    return start, _date(_text(node, "ended/date"))


def principals(pocom: Path, names: dict[str, str]) -> list[tuple]:
    """Senior State Department offices and their holders."""
    rows = []
    for path in sorted((pocom / "positions-principals").glob("*.xml")):
        root = ElementTree.parse(path).getroot()
        office = _text(root, "names/singular")
        for principal in root.iter("principal"):
            start, end = _held(principal)
            name = names.get(_text(principal, "person-id"))
            if name and start:
                rows.append((name, office, "USA", start, end, "hsg-pocom"))
    return rows


def chiefs_of_mission(pocom: Path, names: dict[str, str]) -> list[tuple]:
    """US chiefs of mission abroad (ambassadors, envoys, chargés)."""
    rows = []
    for folder in ("missions-countries", "missions-orgs"):
        for path in sorted((pocom / folder).glob("*.xml")):
            for chief in ElementTree.parse(path).getroot().iter("chief"):
                start, end = _held(chief)
                name = names.get(_text(chief, "person-id"))
                office = _CHIEF_TITLES.get(_text(chief, "role-title-id"))
                if name and start and office:
                    rows.append((name, office, "USA", start, end, f"hsg-pocom/{folder}"))
    return rows


def presidents(travels: Path) -> list[tuple]:
    """US Presidents: terms from presidents.xml, later ones from their first to last trip abroad."""
    rows, known = [], set()
    for node in ElementTree.parse(travels / "presidents" / "presidents.xml").getroot().iter("president"):
        start, end = _date(_text(node, "took-office-date")), _date(_text(node, "left-office-date"))
        if start:
            rows.append((_text(node, "name"), "President", "USA", start, end, "hsg-travels/presidents"))
            known.add(_text(node, "id"))
    for path in sorted((travels / "president-travels").glob("*.xml")):
        root = ElementTree.parse(path).getroot()
        trips = list(root.iter("trip"))
        if path.stem in known or not trips:
            continue
        dates = sorted(d for t in trips if (d := _date(_text(t, "start-date"))))
        name = _text(trips[0], "name")
        if dates and name:
            rows.append((name, "President", "USA", dates[0], dates[-1], "hsg-travels/president-travels"))
    return rows


_VISITOR = re.compile(r"^(?P<office>(?:[A-Z][\w-]*\s+){0,4}?(?:President|Prime Minister|King|Queen|Chancellor|Emir|Amir|"
                      r"Sultan|Crown Prince|Premier|Taoiseach|Secretary[- ]General|Minister|Foreign Minister|"
                      r"Chairman|General Secretary))\s+(?P<name>[A-Z].+)$")


def foreign_leaders(visits: Path) -> list[tuple]:
    """Foreign leaders as the Office of the Historian titles them at each visit to the US."""
    rows = []
    for path in sorted((visits / "data").glob("*.xml")):
        for visit in ElementTree.parse(path).getroot().iter("visit"):
            day = _date(_text(visit, "start-date"))
            country = to_iso3(_text(visit, "from"))
            for visitor in re.split(r"\s+and\s+", _text(visit, "visitor")):
                if (found := _VISITOR.match(visitor.strip())) and day and country:
                    rows.append((found["name"].strip(" ,."), found["office"], country, day, day, "hsg-visits"))
    return rows


RELEASE_YEARS = (2021, 2022)  # the tuned split of the silver evaluation
# Personnel announcements recite careers ('served as Secretary of Defense Ashton Carter's chief of staff'): the
# offices they name are not held at the release's date.
PERSONNEL = re.compile(r"\b(?:Nominat\w*|Appoint\w*|Personnel|Intent to|Key (?:Members|Administration|Nominees))\b", re.I)


def titled_in_releases(archive: Path, years: tuple[int, ...] = RELEASE_YEARS) -> list[tuple]:
    """The titled names release titles state at their date: the counterpart, and the publisher's principal."""
    from etl.extract.headlines import parse_headline
    from etl.sources.markdown import readable_releases

    rows = []
    for _, release in readable_releases(archive):
        label = parse_headline(release.title or "")
        if label is None or release.published.year not in years:
            continue
        for person, country in [(label.who, label.who.country or "USA")] + [(c, c.country) for c in label.counterparts]:
            if person.title and country and len(person.name.split()) >= 2:
                rows.append((person.name, person.title, country, release.published, release.published, "wh-briefings"))
    return rows


def us_officials_in_releases(archive: Path, appointed: list[tuple], years: tuple[int, ...] = RELEASE_YEARS) \
        -> list[tuple]:
    """The US officials the releases' text names by office and full name, at the release's date. An office the
    appointment records fill at that date ('Secretary of State') is theirs: a release naming a former holder
    ('Secretary of State Madeleine Albright' in her obituary) or a nickname ('Tony Blinken') adds nothing."""
    from etl.sources.markdown import readable_releases

    recorded: dict[str, list[Holder]] = defaultdict(list)
    for row in appointed:
        recorded[row[1]].append(Holder(*row))
    terms = _terms(appointed)
    rows = []
    for _, release in readable_releases(archive):
        if release.published.year not in years or PERSONNEL.search(release.title or ""):
            continue
        for name, office in us_officials(release.body):  # the body only: title-case headlines run verbs into names
            if not any(h.country == "USA" and _still_held(h, release.published, terms) for h in recorded[office]):
                rows.append((name, office, "USA", release.published, release.published, "wh-briefings"))
    return rows


_SOLE_EVIDENCE = 3


def _terms(rows: list[tuple]) -> list[tuple[dt.date, dt.date]]:
    """US Presidents' terms, first to last day."""
    return [(start, end) for name, office, country, start, end, source in rows
            if office == "President" and country == "USA" and source == "hsg-travels/presidents" and end]


def _still_held(holder: Holder, day: dt.date, terms: list[tuple[dt.date, dt.date]]) -> bool:
    """Whether an appointment holds the office on the day. One with no recorded end holds it only through the
    term of the President it began under: hsg-pocom leaves the ends of many 2017-2020 appointments blank, and read
    as open they would still hold in 2022 and hide the holders the releases name."""
    if holder.end is not None:
        return holder.held_on(day)
    term_end = next((end for start, end in terms if start <= holder.start <= end), None)
    return holder.start <= day and (term_end is None or day <= term_end)


def close_open_appointments(rows: list[tuple]) -> list[tuple]:
    """An hsg-pocom appointment with no recorded end, to an office one person holds at a time, ends the day before
    the next holder of that office starts or is first seen in the releases. An office is taken to have one holder
    at a time when the recorded spans of its holders never overlap by more than a month."""
    spans: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        if row[2] == "USA" and row[5] in ("hsg-pocom", "wh-briefings"):
            spans[row[1]].append(row)
    sole = {office: _sole_office(held) for office, held in spans.items()}
    out = []
    for row in rows:
        name, office, country, start, end, source = row
        if source != "hsg-pocom" or end is not None or not sole.get(office):
            out.append(row)
            continue
        successors = [other[3] for other in spans[office] if other[3] > start and not _same_person(other[0], name)]
        out.append((name, office, country, start, min(successors) - dt.timedelta(days=1) if successors else None,
                    source))
    return out


def _sole_office(rows: list[tuple]) -> bool:
    recorded = [row for row in rows if row[5] == "hsg-pocom"]
    if len({row[3] for row in recorded}) < len(recorded) or sum(1 for row in recorded if row[4]) < _SOLE_EVIDENCE:
        return False  # holders appointed the same day ('Career Ambassador'), or too few closed spans to tell
    latest_end = None
    for start, end in sorted((row[3], row[4]) for row in recorded if row[4]):
        if latest_end and start < latest_end - dt.timedelta(days=31):
            return False
        latest_end = max(latest_end or end, end)
    return True


def _same_person(a: str, b: str) -> bool:
    return a == b or compatible(name_parts(a), name_parts(b))  # 'Brian A. Nichols' ~ 'Brian Nichols'


def merge_sightings(rows: list[tuple]) -> list[tuple]:
    """Holders seen at single dates (visits, titles) hold the office from the first to the last date seen."""
    spans: dict[tuple, list] = defaultdict(list)
    out = []
    for name, office, country, start, end, source in rows:
        if source in ("hsg-visits", "wh-briefings"):
            spans[(name, office, country, source)].append(start)
        else:
            out.append((name, office, country, start, end, source))
    for (name, office, country, source), days in spans.items():
        out.append((name, office, country, min(days), max(days), source))
    return sorted(set(out), key=_order)


def _order(row: tuple) -> tuple:
    name, office, country, start, end, source = row
    return name, start, office, source, end or dt.date.max, country


def to_end_of_term(rows: list[tuple]) -> list[tuple]:
    """A US official seen in releases serves the administration they were seen in: the span runs on to the end of
    that President's term, or to the day before a different holder of the office is first seen, whichever is first
    (source 'wh-briefings/term'). Without this, a table built from 2021-22 forgets the Secretary in 2023."""
    terms = _terms(rows)
    firsts: dict[tuple, list[tuple]] = defaultdict(list)
    for name, office, country, start, end, source in rows:
        if source == "wh-briefings" and country == "USA":
            firsts[(office, country)].append((start, name))
    out = []
    for row in rows:
        name, office, country, start, end, source = row
        term_end = next((t_end for t_start, t_end in terms if end and t_start <= end < t_end), None)
        if source != "wh-briefings" or country != "USA" or term_end is None:
            out.append(row)
            continue
        successors = [first for first, other in firsts[(office, country)] if first > end and not _same_person(other, name)]
        until = min([term_end] + [first - dt.timedelta(days=1) for first in successors])
        out.append((name, office, country, start, until, "wh-briefings" + TERM_SUFFIX))
    return out


def build(data: Path) -> list[tuple]:
    """Every office-holding row from the shared data."""
    pocom = data / "hsg-pocom"
    names = _people(pocom)
    appointed = principals(pocom, names) + chiefs_of_mission(pocom, names) + presidents(data / "hsg-travels")
    rows = appointed + foreign_leaders(data / "hsg-visits") + titled_in_releases(data / "wh-briefings")
    foreign = {name for name, office, country, *_ in rows if country != "USA"}
    # a name the titles give another country ('Call with National Security Advisor Ajit Doval of India') is that
    # country's official, even where a body names them by the office alone
    rows += [row for row in us_officials_in_releases(data / "wh-briefings", appointed) if row[0] not in foreign]
    return sorted(set(to_end_of_term(close_open_appointments(merge_sightings(rows)))), key=_order)


def write(rows: list[tuple], out: Path) -> None:
    """The rows as a sorted TSV with a header."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for name, office, country, start, end, source in rows:
            writer.writerow((name, office, country, start.isoformat(), end.isoformat() if end else "", source))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("offices.tsv"))
    args = parser.parse_args()
    rows = build(args.data)
    write(rows, args.out)
    print(f"{args.out}: {len(rows)} office-holding rows")


if __name__ == "__main__":
    main()
