"""The column reader of GDELT exports against the row reader it replaces: the same warehouse and the same rejects
on the bundled real exports, a GDELT 1.0 file of both widths, and every kind of broken input."""
from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

from etl.registry import SOURCE_KINDS
from etl.sources.gdelt import parse_gdelt
from etl.warehouse.connection import connect
from tests.conftest import BUNDLED, FIXTURES, broken_export_line, load_now, view_digest

SLICE = FIXTURES / "gdelt" / "20191024143000-first60.export.CSV"


def _broken(folder: Path) -> list[Path]:
    """A copy of the real slice with one fault of each kind the readers reject, and whole-file faults."""
    lines = SLICE.read_text("utf-8").splitlines()
    faults = [(37, None, "", 30), (37, "EventBaseCode", "04x", None), (1, "EventCode", "abc", None),
              (38, "EventBaseCode", "", None), (37, "Actor1CountryCode", "XYZ", None),
              (39, "Actor2CountryCode", "", None), (40, "ActionGeo_CountryCode", "QQ", None),
              (41, "SQLDATE", "20191341", None), (42, "NumMentions", "many", None), (43, "AvgTone", "n/a", None),
              (44, "GLOBALEVENTID", "x12", None), (45, None, "", 58), (46, None, "", 57)]
    for line_no, column, value, cut in faults:
        lines[line_no - 1] = broken_export_line(lines[line_no - 1], column, value, cut)
    lines.insert(10, "")  # a blank line keeps the numbering of those after it
    broken = folder / "20191024143000.export.CSV"
    broken.write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "20191024144500.export.CSV").write_text("", "utf-8")  # empty
    (folder / "20191024150000.export.CSV.zip").write_bytes(b"not a zip")
    with zipfile.ZipFile(folder / "20191024151500.export.CSV.zip", "w") as archive:
        archive.write(SLICE, "a.CSV")
        archive.write(SLICE, "b.CSV")  # two exports in one zip
    return sorted(folder.iterdir())


def _load_with(parse, db: Path, paths: list[Path], parse_many=None) -> tuple[dict, tuple]:
    kind = SOURCE_KINDS["gdelt"]
    SOURCE_KINDS["gdelt"] = dataclasses.replace(kind, parse=parse, parse_many=parse_many)
    try:
        with connect(db) as con:
            summary = load_now(con, "gdelt", paths)
            return view_digest(con), (summary.records_in, summary.records_loaded, summary.records_merged,
                                      summary.records_rejected, summary.records_skipped,
                                      sorted(r.message() for r in summary.rejects))
    finally:
        SOURCE_KINDS["gdelt"] = kind


@pytest.mark.parametrize("inputs", ["bundled", "gdelt1", "broken"])
def test_column_reader_stores_what_the_row_reader_stored(tmp_path: Path, inputs: str):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = {"bundled": lambda: [BUNDLED / "gdelt"], "gdelt1": lambda: [FIXTURES / "gdelt" / "gdelt1-both-widths.tsv"],
             "broken": lambda: _broken(folder)}[inputs]()
    new = _load_with(None, tmp_path / "new.duckdb", paths, SOURCE_KINDS["gdelt"].parse_many)
    one_by_one = _load_with(SOURCE_KINDS["gdelt"].parse, tmp_path / "one.duckdb", paths)
    old = _load_with(parse_gdelt, tmp_path / "old.duckdb", paths)
    assert new == old
    assert one_by_one == old
    assert new[1][3] > 0 or inputs != "broken"  # the broken inputs were rejected, row by row and whole
