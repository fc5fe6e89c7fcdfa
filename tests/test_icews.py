"""ICEWS event files: scope, named people as officials, sector actors as parties, bad input."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from etl.sources.icews import is_person, parse_icews
from tests.conftest import BUNDLED, FIXTURES, load_now, view_digest

EVENTS = BUNDLED / "icews" / "events.2018.sample.tab"
SLICE = FIXTURES / "icews" / "events.2018-first60.tab"


def test_every_meet_consult_visit_event_is_accounted_for_in_etl_runs(fresh_db):
    with EVENTS.open(encoding="utf-8", newline="") as handle:
        codes = [row["CAMEO Code"] for row in csv.DictReader(handle, delimiter="\t")]
    in_scope = sum(c.startswith("036") or c.startswith("04") for c in codes)
    assert (len(codes), in_scope) == (3705, 1246)
    summary = load_now(fresh_db, "icews", [EVENTS])
    assert summary.records_loaded + summary.records_merged + summary.records_rejected == in_scope
    assert summary.records_skipped == 3705 - in_scope
    run = fresh_db.execute("select records_in, records_skipped from etl_runs where run_id = ?",
                           [summary.run_id]).fetchone()
    assert run == (3705, 3705 - in_scope)


def test_named_people_become_officials_and_sector_actors_become_parties(fresh_db):
    load_now(fresh_db, "icews", [SLICE])
    people = dict(fresh_db.execute("select name, country_iso3 from officials").fetchall())
    assert people["Aso Taro"] == "JPN" and people["Steven Mnuchin"] == "USA"
    assert people["Mike Pompeo"] == "USA" and people["Kim Yong-chol"] == "PRK"
    assert not any("(" in name for name in people)
    parties = fresh_db.execute("select name, country_iso3 from engagement_parties order by name").fetchall()
    assert ("Foreign Affairs (Bangladesh)", "BGD") in parties
    assert ("High Ranking Military Personnel (Vietnam)", "VNM") in parties


def test_mirror_rows_of_one_sentence_are_one_meeting(fresh_db):
    load_now(fresh_db, "icews", [SLICE])
    rows = fresh_db.execute("""
        select e.kind, e.country_iso3, e.source_count from engagements e
        where e.engagement_id in (select engagement_id from participants where name = 'Aso Taro')
          and e.engagement_id in (select engagement_id from participants where name = 'Steven Mnuchin')
        order by e.country_iso3""").fetchall()
    # Two stories: "meet at a third location" in the US and "consult" in Whistler, Canada; each has a mirror row.
    assert [(kind, country) for kind, country, _ in rows] == [("meeting", "CAN"), ("meeting", "USA")]
    assert all(count == 2 for _, _, count in rows)


def test_icews_people_resolve_with_other_sources(fresh_db, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("record_id,kind,start_date,country,participants\n"
                     "1,meeting,2018-05-20,USA,Secretary of State Mike Pompeo | Secretary of State | USA\n", "utf-8")
    load_now(fresh_db, "table", [table])
    load_now(fresh_db, "icews", [SLICE])
    ids = fresh_db.execute("select distinct official_id from participants where name like '%Pompeo%'").fetchall()
    assert len(ids) == 1


@pytest.mark.parametrize(("name", "sectors", "country", "expected"), [
    ("Aso Taro", "Elite,Government", "Japan", True),
    ("Abdullah II of Jordan", "Elite,Government,Executive Office", "Jordan", True),
    ("John F. Kelly", "Government,Executive Office", "United States", True),
    ("Foreign Affairs (Bangladesh)", "Executive,Foreign Ministry", "Bangladesh", False),
    ("Russia", "NA", "Russian Federation", False),
    ("European Union", "International Government Organization", "", False),
    ("Executive Office of the President", "Government,Executive Office", "United States", False),
    ("Associated Press", "News,Media,Social", "United States", False),
    ("Al Jazeera", "Social,Executive,Television News,News", "Qatar", False),
    ("Southeast Asia", "NA", "", False),
    ("Houthis", "Dissident,Insurgents", "Yemen", False),
])
def test_person_or_actor(name, sectors, country, expected):
    assert is_person(name, sectors, country) is expected


def _mutated(tmp_path: Path, line: int, column: str, value: str) -> Path:
    lines = SLICE.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    values = lines[line - 1].split("\t")
    values[header.index(column)] = value
    lines[line - 1] = "\t".join(values)
    path = tmp_path / "bad.tab"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# Line 2 is the first event: "Foreign Affairs (Bangladesh)" consults Vietnamese military officers in Hanoi (040).
@pytest.mark.parametrize(("column", "value", "field", "reason"), [
    ("CAMEO Code", "04a", "CAMEO Code", "'04a' is not a CAMEO code"),
    ("Event Date", "2018-13-01", "Event Date", "'2018-13-01' is not a date YYYY-MM-DD"),
    ("Source Country", "Atlantis", "Source Country", "unknown country 'Atlantis'"),
    ("Country", "Narnia", "Country", "unknown country 'Narnia'"),
    ("Intensity", "high", "Intensity", "'high' is not a number"),
])
def test_bad_row_is_rejected_with_file_line_and_field(tmp_path, fresh_db, column, value, field, reason):
    path = _mutated(tmp_path, 2, column, value)
    summary = load_now(fresh_db, "icews", [path])
    reject = next(r for r in summary.rejects if r.locator == f"{path}: line 2")
    assert (reject.field, reject.reason) == (field, reason)
    good = parse_icews(SLICE)
    assert summary.records_loaded + summary.records_merged == len(good.records) - 1


def test_wrong_column_count_and_missing_header_are_rejected(tmp_path, fresh_db):
    lines = SLICE.read_text("utf-8").splitlines()
    cut = tmp_path / "cut.tab"
    cut.write_text("\n".join(lines[:2] + [lines[2][:40]] + lines[3:]) + "\n", "utf-8")
    batch = parse_icews(cut)
    assert any(r.locator == f"{cut}: line 3" and r.field == "row" for r in batch.rejects)
    headless = tmp_path / "headless.tab"
    headless.write_text("\n".join(lines[1:]) + "\n", "utf-8")
    summary = load_now(fresh_db, "icews", [headless, SLICE])
    header_reject = next(r for r in summary.rejects if r.locator == f"{headless}: line 1")
    assert header_reject.field == "header" and "missing column(s) Event ID" in header_reject.reason
    assert summary.records_loaded > 0


def test_rerun_changes_nothing(fresh_db):
    load_now(fresh_db, "icews", [SLICE])
    before = view_digest(fresh_db)
    assert load_now(fresh_db, "icews", [SLICE]).status == "unchanged"
    assert view_digest(fresh_db) == before
