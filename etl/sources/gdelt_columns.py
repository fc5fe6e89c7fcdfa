"""GDELT exports read a column at a time: every file of a load split by polars, the rules applied once per distinct
code, date or number rather than once per row.

The rules, rejects and records are those of etl/sources/gdelt.py's row reader (the reference, which
tests/test_gdelt_columns.py compares it with on real and broken inputs); only the order of work differs. A row's
first fault, in the row reader's order, is its reject: width, event code, event id, place, date, actors, the
engagement rule, then the numbers.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import polars as pl

from etl.records import Batch, CodedRows, RowReject
from etl.resolve.codes import KNOWN_GROUPS, UnknownCode, actor_type, cameo_country, fips_country
from etl.resolve.countries import country_name
from etl.sources.cameo import Actor, CodedDecision, CodedEventError, coded_decision, coded_number, in_scope
from etl.sources.files import InputError
from etl.sources.gdelt import CONFIDENCE, KIND, LAYOUTS, export_lines

# Read for the rows in scope only; every row's width and event codes are read first.
_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "ActionGeo_CountryCode", "ActionGeo_Type",
            "ActionGeo_FullName", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
            "SOURCEURL") + tuple(f"Actor{n}{part}" for n in (1, 2)
                                 for part in ("Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code"))
_NUMBERS = (("GoldsteinScale", float), ("NumMentions", int), ("NumSources", int), ("NumArticles", int),
            ("AvgTone", float))
Fault = tuple[str, str]  # (field, reason)


@lru_cache(maxsize=None)
def _pick(name: str) -> pl.Expr:
    """Column `name` of each row by the row's width ('' where its layout lacks it), stripped as the row reader does."""
    picks = [pl.when(pl.col("width") == width).then(pl.col("values").list.get(layout[name], null_on_oob=True))
             for width, layout in LAYOUTS.items() if name in layout]
    return (pl.coalesce(picks) if picks else pl.lit(None, pl.String)).fill_null("").str.strip_chars().alias(name)


def _split(lines: list[str]) -> pl.DataFrame:
    """Every line as its tab-separated values and their count."""
    values = pl.Series("values", lines, dtype=pl.String).str.split("\t")
    return pl.DataFrame({"values": values}).with_columns(width=pl.col("values").list.len())


@lru_cache(maxsize=4096)
def _base_code(base: str, code: str) -> str | Fault:
    base_code = base or code[:3]
    if not base_code.isdigit() or not code.isdigit():
        field = "EventBaseCode" if not base_code.isdigit() else "EventCode"
        return field, f"'{base if field == 'EventBaseCode' else code}' is not a CAMEO code"
    return base_code


@lru_cache(maxsize=4096)
def _place(country: str, geo_type: str, full_name: str) -> tuple[str | None, str | None]:
    try:
        iso3 = fips_country(country)
    except UnknownCode as exc:
        raise CodedEventError("ActionGeo_CountryCode", str(exc)) from None
    city = full_name.split(",")[0].strip() if geo_type in ("3", "4") else None
    return iso3, city or None


@lru_cache(maxsize=65536)
def _date(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise CodedEventError("SQLDATE", f"'{text}' is not a date YYYYMMDD") from None


@lru_cache(maxsize=65536)
def _actor(n: int, code: str, name: str, country: str, group: str, type1: str) -> tuple:
    """The actor as (label, country) the row reader's _actor gives, computed once per distinct coding."""
    field = f"Actor{n}CountryCode"
    try:
        iso3 = cameo_country(country) or KNOWN_GROUPS.get(group)
    except UnknownCode as exc:
        raise CodedEventError(field, str(exc)) from None
    sector = actor_type(type1)
    if iso3 and code[3:6] == type1:
        label = f"{country_name(iso3)} ({sector})" if sector else country_name(iso3)
    elif iso3 and code == country:
        label = country_name(iso3)
    else:
        label = name.title() if name else None
    return label, iso3, field


@lru_cache(maxsize=65536)
def _decision(base_code: str, actor1: tuple, actor2: tuple, place_iso3: str | None, city: str | None) -> CodedDecision:
    return coded_decision(base_code, Actor(actor1[0], actor1[1], field=actor1[2]),
                          Actor(actor2[0], actor2[1], field=actor2[2]), place_iso3, city)


_number = lru_cache(maxsize=65536)(coded_number)


_CODED_FIELDS = ("event_id", "event_code", "actor1", "actor1_code", "actor2", "actor2_code", "place", "goldstein",
                 "num_mentions", "num_sources", "num_articles", "avg_tone", "publisher")


def _add_row(out: CodedRows, c: dict[str, list[str]], i: int, base_code: str, path: Path) -> None:
    """Row i as the row reader's to_record reads it, added to out; CodedEventError names the first faulty column
    (and nothing is added)."""
    event_id = c["GLOBALEVENTID"][i]
    if not event_id.isdigit():
        raise CodedEventError("GLOBALEVENTID", f"'{event_id}' is not a number")
    place_iso3, city = _place(c["ActionGeo_CountryCode"][i], c["ActionGeo_Type"][i], c["ActionGeo_FullName"][i])
    day = _date(c["SQLDATE"][i])
    actor1 = _actor(1, c["Actor1Code"][i], c["Actor1Name"][i], c["Actor1CountryCode"][i],
                    c["Actor1KnownGroupCode"][i], c["Actor1Type1Code"][i])
    actor2 = _actor(2, c["Actor2Code"][i], c["Actor2Name"][i], c["Actor2CountryCode"][i],
                    c["Actor2KnownGroupCode"][i], c["Actor2Type1Code"][i])
    decision = _decision(base_code, actor1, actor2, place_iso3, city)
    numbers = [_number(c[column][i], column, cast) for column, cast in _NUMBERS]
    url = c["SOURCEURL"][i]
    for column, value in ((out.kind, decision.kind), (out.status, decision.status), (out.day, day),
                          (out.city, decision.city), (out.country_iso3, decision.country_iso3),
                          (out.title, decision.title), (out.parties, decision.parties),
                          (out.uri, url or f"gdelt:event/{event_id}"), (out.locator, f"{path.name}#{event_id}")):
        column.append(value)
    coded = (event_id, c["EventCode"][i], c["Actor1Name"][i] or None, c["Actor1Code"][i] or None,
             c["Actor2Name"][i] or None, c["Actor2Code"][i] or None, c["ActionGeo_FullName"][i] or None,
             *numbers, None)
    for name, value in zip(_CODED_FIELDS, coded):
        out.coded[name].append(value)


def parse_export(path: Path) -> Batch:
    """Every meeting, consultation and visit row of one export as a record; bad rows as rejects."""
    batch = Batch(path=str(path))
    try:
        lines = list(export_lines(path))
    except InputError as exc:
        batch.rejects.append(exc.reject)
        return batch
    frame = _split(lines)
    codes = frame.select("width", _pick("EventBaseCode"), _pick("EventCode")).to_dict(as_series=False)
    rejects, in_scope_rows, base_codes, rows_in, skipped = [], [], [], 0, 0
    for i, (line, width, base, code) in enumerate(zip(lines, codes["width"], codes["EventBaseCode"], codes["EventCode"])):
        if not line.strip():
            continue
        rows_in += 1
        if width not in LAYOUTS:
            rejects.append((i, ("row", f"{width} columns; a GDELT export has 57, 58 or 61")))
            continue
        base_code = _base_code(base, code)
        if isinstance(base_code, tuple):
            rejects.append((i, base_code))
        elif not in_scope(base_code):
            skipped += 1
        else:
            in_scope_rows.append(i)
            base_codes.append(base_code)
    c = frame[in_scope_rows].select(*map(_pick, _COLUMNS)).to_dict(as_series=False)
    c["EventCode"] = [codes["EventCode"][i] for i in in_scope_rows]
    out = CodedRows(KIND, "gdelt-cameo", CONFIDENCE, coded={name: [] for name in _CODED_FIELDS})
    for j, (i, base_code) in enumerate(zip(in_scope_rows, base_codes)):
        try:
            _add_row(out, c, j, base_code, path)
        except CodedEventError as fault:
            rejects.append((i, (fault.field, fault.reason)))
    rejects.sort(key=lambda reject: reject[0])  # in line order, as the row reader finds them
    # One assignment each: a model's attribute costs a validation per write.
    batch.rejects = [RowReject(KIND, f"{path}: line {i + 1}", field, reason, lines[i][:2000])
                     for i, (field, reason) in rejects]
    batch.coded_rows, batch.records_in, batch.records_skipped = out, rows_in, skipped
    return batch
