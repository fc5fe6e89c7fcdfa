"""Curated CSV and JSON tables: field-by-field validation."""
import json

import pytest

from etl.sources.table import parse_table
from tests.conftest import BUNDLED, load_now

HEADER = "record_id,kind,status,start_date,end_date,city,country,title,participants,initiatives,topics,source_url,evidence,confidence\n"
GOOD = 'r1,meeting,held,2025-02-13,,Washington,USA,Modi meets Trump,Narendra Modi | Prime Minister | India | visitor; Donald Trump | President | USA | host,US-India COMPACT,trade; defence,https://example.org/a,"They met.",0.9\n'


def test_bundled_example_loads_cleanly():
    batch = parse_table(BUNDLED / "curated/engagements.csv")
    assert batch.rejects == [] and len(batch.records) == batch.records_in >= 5


def test_csv_row_becomes_engagement(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD)
    record = parse_table(path).records[0]
    e = record.engagement
    assert (e.kind, e.country_iso3, e.initiatives, e.topics) == ("meeting", "USA", ["US-India COMPACT"], ["trade", "defence"])
    assert [(p.name, p.country_iso3, p.role) for p in e.participants] == [
        ("Narendra Modi", "IND", "visitor"), ("Donald Trump", "USA", "host")]
    assert record.confidence == 0.9 and record.uri == "https://example.org/a"


def test_json_records_with_participant_objects(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"record_id": "j1", "kind": "call", "start_date": "2024-06",
                                 "participants": [{"name": "Joe Biden", "country": "US"}, {"name": "Olaf Scholz", "country": "Germany"}]}]))
    record = parse_table(path).records[0]
    assert record.engagement.date_precision == "month"
    assert [p.country_iso3 for p in record.engagement.participants] == ["USA", "DEU"]


@pytest.mark.parametrize("row, field, words", [
    (GOOD.replace("2025-02-13", "2025-02-30"), "start_date", "not a date"),
    (GOOD.replace("meeting,", "lunch,", 1), "kind", "not one of"),
    (GOOD.replace(",USA,Modi", ",Atlantis,Modi"), "country", "unknown country"),
    (GOOD.replace("| India |", "| Narnia |"), "participants[1].country", "unknown country"),
    (GOOD.replace("| visitor", "| guest"), "participants[1].role", "not one of"),
    (GOOD.replace(",0.9", ",1.5"), "confidence", "between 0 and 1"),
    (GOOD.replace("r1,", ",", 1), "record_id", "missing"),
    (GOOD.replace(",,Washington", ",2025-01-01,Washington"), "end_date", "before"),
])
def test_bad_fields_are_rejected_by_name(tmp_path, row, field, words):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD.replace("r1", "r0") + row)
    batch = parse_table(path)
    assert len(batch.records) == 1 and len(batch.rejects) == 1
    reject = batch.rejects[0]
    assert reject.field == field and words in reject.reason and reject.locator.endswith("line 3")


def test_duplicate_ids_and_extra_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD + GOOD + GOOD.replace("r1", "r2").rstrip("\n") + ",surplus\n")
    reasons = [(r.field, r.reason) for r in parse_table(path).rejects]
    assert reasons[0][0] == "record_id" and "duplicate" in reasons[0][1]
    assert reasons[1][0] == "row" and "more values" in reasons[1][1]


def test_missing_header_and_bad_json(tmp_path):
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("a,b\n1,2\n")
    assert parse_table(csv_path).rejects[0].field == "header"
    json_path = tmp_path / "t.json"
    json_path.write_text("[{")
    assert "invalid JSON" in parse_table(json_path).rejects[0].reason


def test_changed_table_replaces_its_old_records(fresh_db, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + GOOD)
    load_now(fresh_db, "table", [path])
    path.write_text(HEADER + GOOD.replace("2025-02-13", "2025-03-20"))
    load_now(fresh_db, "table", [path])
    dates = fresh_db.execute("select start_date::varchar from engagements").fetchall()
    assert dates == [("2025-03-20",)]
