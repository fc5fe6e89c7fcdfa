"""GDELT exports read a column at a time: every file of a load in one polars frame, the rules applied once per
distinct code, date, place, actor or number and joined back, so no Python runs per row.

The rules, rejects and records are those of etl/sources/gdelt.py's row reader (the reference, which
tests/test_gdelt_columns.py compares it with on real and broken inputs); only the order of work differs. A row's
first fault, in the row reader's order, is its reject: width, event code, event id, place, date, actors, the
engagement rule, then the numbers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import polars as pl

from etl.records import Batch, CodedRows, RowReject
from etl.resolve.codes import KNOWN_GROUPS, UnknownCode, actor_type, cameo_country, fips_country
from etl.resolve.countries import country_name
from etl.sources.cameo import Actor, CodedEventError, coded_decision, coded_number, in_scope
from etl.sources.files import InputError
from etl.sources.gdelt import CONFIDENCE, KIND, LAYOUTS, export_lines

_ACTOR_PARTS = ("Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code")
# Read for the rows in scope only; every row's width and event codes are read first.
_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "ActionGeo_CountryCode", "ActionGeo_Type", "ActionGeo_FullName",
            "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "SOURCEURL") + tuple(
    f"Actor{n}{part}" for n in (1, 2) for part in _ACTOR_PARTS)
_NUMBERS = (("GoldsteinScale", float), ("NumMentions", int), ("NumSources", int), ("NumArticles", int),
            ("AvgTone", float))
_CODED_FIELDS = ("event_id", "event_code", "actor1", "actor1_code", "actor2", "actor2_code", "place", "goldstein",
                 "num_mentions", "num_sources", "num_articles", "avg_tone", "publisher")


_WIDEST = max(LAYOUTS)
# EventCode and the EventBaseCode after it, by position: a regex capture is 2-8 times faster than splitting the
# leading columns of every row (the whole row is split only for the rows in scope).
assert LAYOUTS[_WIDEST]["EventBaseCode"] == LAYOUTS[_WIDEST]["EventCode"] + 1
_LEADING_CODES = r"^(?:[^\t]*\t){%d}(?<code>[^\t]*)\t(?<base>[^\t]*)" % LAYOUTS[_WIDEST]["EventCode"]


@lru_cache(maxsize=None)
def _pick(name: str) -> pl.Expr:
    """Column `name` of each row by the row's width ('' where its layout lacks it), stripped as the row reader does."""
    picks = [pl.when(pl.col("width") == width).then(pl.col("values").list.get(layout[name], null_on_oob=True))
             for width, layout in LAYOUTS.items() if name in layout]
    return (pl.coalesce(picks) if picks else pl.lit(None, pl.String)).fill_null("").str.strip_chars().alias(name)


def _base_code(base: str, code: str) -> str:
    base_code = base or code[:3]
    if not base_code.isdigit() or not code.isdigit():
        field = "EventBaseCode" if not base_code.isdigit() else "EventCode"
        raise CodedEventError(field, f"'{base if field == 'EventBaseCode' else code}' is not a CAMEO code")
    return base_code


def _event_id(event_id: str) -> str:
    if not event_id.isdigit():
        raise CodedEventError("GLOBALEVENTID", f"'{event_id}' is not a number")
    return event_id


def _place(country: str, geo_type: str, full_name: str) -> tuple[str | None, str | None]:
    try:
        iso3 = fips_country(country)
    except UnknownCode as exc:
        raise CodedEventError("ActionGeo_CountryCode", str(exc)) from None
    city = full_name.split(",")[0].strip() if geo_type in ("3", "4") else None
    return iso3, city or None


def _date(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise CodedEventError("SQLDATE", f"'{text}' is not a date YYYYMMDD") from None


def _actor(n: int) -> Callable[..., Actor]:
    """The row reader's _actor for actor n, over that actor's code, name, country, known group and type."""
    field = f"Actor{n}CountryCode"

    def actor(code: str, name: str, country: str, group: str, type1: str) -> Actor:
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
        return Actor(label, iso3, field=field)
    return actor


def _number(column: str, cast: type) -> Callable[[str], float | int | None]:
    return lambda text: coded_number(text, column, cast)


def _apply(frame: pl.DataFrame, keys: list[str], rule: Callable, name: str) -> tuple[pl.DataFrame, list]:
    """frame with `name` (an index into the returned values, null where the rule failed) and `name_fault`: the
    rule applied once per distinct combination of the key columns."""
    distinct = frame.select(keys).unique(maintain_order=True)
    values, ids, faults = [], [], []
    for key in distinct.iter_rows():
        try:
            values.append(rule(*key))
            ids.append(len(values) - 1)
            faults.append(None)
        except CodedEventError as fault:
            ids.append(None)
            faults.append(f"{fault.field}\t{fault.reason}")
    looked_up = distinct.with_columns(pl.Series(name, ids, dtype=pl.UInt32),
                                      pl.Series(f"{name}_fault", faults, dtype=pl.String))
    return frame.join(looked_up, on=keys, how="left", nulls_equal=True, maintain_order="left"), values


def _read_lines(paths: list[Path], batches: list[Batch]) -> pl.DataFrame:
    """(file, line, text) of every non-blank line; a file that cannot be read becomes its batch's reject."""
    files, numbers, texts = [], [], []
    for index, (path, batch) in enumerate(zip(paths, batches)):
        try:
            lines = list(export_lines(path))
        except InputError as exc:
            batch.rejects.append(exc.reject)
            continue
        files += [index] * len(lines)
        numbers += range(1, len(lines) + 1)
        texts += lines
    frame = pl.DataFrame({"file": pl.Series(files, dtype=pl.UInt32), "line": pl.Series(numbers, dtype=pl.UInt32),
                          "text": pl.Series(texts, dtype=pl.String)})
    return frame.filter(pl.col("text").str.strip_chars() != "")


def _faults(frame: pl.DataFrame, column: str) -> list[tuple[int, int, str, str, str]]:
    """(file, line, field, reason, record) of the rows with a fault in `column` ('field\\treason')."""
    bad = frame.filter(pl.col(column).is_not_null()).select("file", "line", column, "text")
    return [(f, n, *fault.split("\t", 1), text) for f, n, fault, text in bad.iter_rows()]


def parse_exports(paths: list[Path], **_options) -> list[Batch]:
    """Every meeting, consultation and visit row of each export as a record; bad rows and files as rejects."""
    batches = [Batch(path=str(path)) for path in paths]
    frame = _read_lines(paths, batches)
    frame = frame.with_columns(width=pl.col("text").str.count_matches("\t", literal=True) + 1)
    rows_in = dict(frame.group_by("file").len().iter_rows())
    wrong_width = ~pl.col("width").is_in(list(LAYOUTS))
    rejects = [(f, n, "row", f"{w} columns; a GDELT export has 57, 58 or 61", text)
               for f, n, w, text in frame.filter(wrong_width).select("file", "line", "width", "text").iter_rows()]
    # Every layout starts with the same event columns (etl/sources/gdelt.py's _EVENT): cut each row only as far as
    # its codes, and split in full only the rows in scope.
    codes = pl.col("text").str.extract_groups(_LEADING_CODES).struct
    frame = frame.filter(~wrong_width).with_columns(EventCode=codes.field("code").str.strip_chars(),
                                                    EventBaseCode=codes.field("base").str.strip_chars())
    frame, codes = _apply(frame, ["EventBaseCode", "EventCode"], _base_code, "base")
    rejects += _faults(frame, "base_fault")
    frame = frame.filter(pl.col("base").is_not_null()).with_columns(
        base_code=pl.col("base").replace_strict(list(range(len(codes))), codes, return_dtype=pl.String))
    scoped = frame["base_code"].is_in([code for code in set(codes) if in_scope(code)])
    skipped = dict(frame.filter(~scoped).group_by("file").len().iter_rows())
    frame = frame.filter(scoped).with_columns(values=pl.col("text").str.split("\t")).select(
        "file", "line", "text", "base_code", "EventCode", *map(_pick, _COLUMNS))
    frame, out, first_fault = _row_rules(frame)
    rejects += _faults(frame, first_fault)
    _fill(batches, paths, frame.filter(pl.col(first_fault).is_null()), out)
    rejects.sort(key=lambda r: (r[0], r[1]))  # in line order, as the row reader finds them
    for f, number, field, reason, text in rejects:
        batches[f].rejects.append(RowReject(KIND, f"{paths[f]}: line {number}", field, reason, text[:2000]))
    for f, batch in enumerate(batches):
        batch.records_in, batch.records_skipped = rows_in.get(f, 0), skipped.get(f, 0)
    return batches


def _row_rules(frame: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, list], str]:
    """The in-scope rows with each rule's result and fault, and the first fault in the row reader's order."""
    out: dict[str, list] = {}
    frame, _ = _apply(frame, ["GLOBALEVENTID"], _event_id, "event_id")
    frame, out["place"] = _apply(frame, ["ActionGeo_CountryCode", "ActionGeo_Type", "ActionGeo_FullName"], _place,
                                 "place")
    frame, out["day"] = _apply(frame, ["SQLDATE"], _date, "day")
    for n in (1, 2):
        frame, out[f"actor{n}"] = _apply(frame, [f"Actor{n}{part}" for part in _ACTOR_PARTS], _actor(n), f"actor{n}")
    ready = frame.filter(pl.all_horizontal(pl.col("place", "actor1", "actor2").is_not_null()))
    decided, out["decision"] = _apply(ready, ["base_code", "actor1", "actor2", "place"], lambda code, a1, a2, place: (
        coded_decision(code, out["actor1"][a1], out["actor2"][a2], *out["place"][place])), "decision")
    frame = frame.join(decided.select("file", "line", "decision", "decision_fault"), on=["file", "line"], how="left",
                       maintain_order="left")
    for column, cast in _NUMBERS:
        frame, out[column] = _apply(frame, [column], _number(column, cast), f"n_{column}")
    order = ["event_id_fault", "place_fault", "day_fault", "actor1_fault", "actor2_fault", "decision_fault",
             *(f"n_{column}_fault" for column, _ in _NUMBERS)]
    return frame.with_columns(first_fault=pl.coalesce(order)), out, "first_fault"


def _fill(batches: list[Batch], paths: list[Path], good: pl.DataFrame, out: dict[str, list]) -> None:
    """Each file's coded rows, in line order, from the rows every rule passed."""
    for (f,), rows in good.sort("file", "line").group_by("file", maintain_order=True):
        c = rows.to_dict(as_series=False)
        decisions = [out["decision"][i] for i in c["decision"]]
        event_ids, name = c["GLOBALEVENTID"], paths[f].name
        coded = CodedRows(KIND, "gdelt-cameo", CONFIDENCE)
        coded.kind = [d.kind for d in decisions]
        coded.status = [d.status for d in decisions]
        coded.day = [out["day"][i] for i in c["day"]]
        coded.city = [d.city for d in decisions]
        coded.country_iso3 = [d.country_iso3 for d in decisions]
        coded.title = [d.title for d in decisions]
        coded.parties = [d.parties for d in decisions]
        coded.uri = [url or f"gdelt:event/{event_id}" for url, event_id in zip(c["SOURCEURL"], event_ids)]
        coded.locator = [f"{name}#{event_id}" for event_id in event_ids]
        none_if_blank = lambda column: [v or None for v in c[column]]  # noqa: E731
        numbers = [[out[column][i] for i in c[f"n_{column}"]] for column, _ in _NUMBERS]
        coded.coded = dict(zip(_CODED_FIELDS, [
            event_ids, c["EventCode"], none_if_blank("Actor1Name"), none_if_blank("Actor1Code"),
            none_if_blank("Actor2Name"), none_if_blank("Actor2Code"), none_if_blank("ActionGeo_FullName"),
            *numbers, [None] * len(event_ids)]))
        batches[f].coded_rows = coded


def parse_export(path: Path) -> Batch:
    """One export read as parse_exports reads a batch of them."""
    return parse_exports([path])[0]
