"""Loads are all-or-nothing, and the contract views hold what the docs say."""
import pytest

from etl.warehouse import writer
from tests.conftest import FIXTURES, load_now, view_digest


def test_a_crash_mid_load_leaves_the_warehouse_as_it_was(fresh_db, monkeypatch):
    load_now(fresh_db, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    before = view_digest(fresh_db)
    real_insert = writer._insert

    def crash_on_sources(con, table, rows):
        if table == "source":
            raise RuntimeError("disk full")
        real_insert(con, table, rows)

    monkeypatch.setattr(writer, "_insert", crash_on_sources)
    with pytest.raises(RuntimeError):
        load_now(fresh_db, "hsg-travels", [FIXTURES / "hsg/blinken-antony-j.xml"])
    assert view_digest(fresh_db) == before
    failed = fresh_db.execute("select status, message from etl_runs order by run_id desc limit 1").fetchone()
    assert failed == ("failed", "RuntimeError: disk full")


def test_country_pairs_are_unordered_and_distinct(ro):
    bad = ro.execute("select count(*) from country_pairs where country_a >= country_b").fetchone()[0]
    assert bad == 0
    pairs = ro.execute("""select count(*) from country_pairs cp join participants p using (engagement_id)
                          where p.name = 'Narendra Modi' and country_a = 'IND' and country_b = 'USA'""").fetchone()[0]
    assert pairs >= 8


def test_contract_views_have_their_columns(ro):
    expected = {
        "engagements": "engagement_id kind status start_date end_date date_precision city country_iso3 title confidence source_count",
        "participants": "engagement_id official_id name title country_iso3 role",
        "officials": "official_id name country_iso3 aliases first_seen last_seen engagement_count",
        "initiatives": "initiative_id name acronym aliases first_seen last_seen engagement_count",
        "engagement_initiatives": "engagement_id initiative_id evidence",
        "engagement_topics": "engagement_id topic",
        "sources": "source_id kind uri title published_at loaded_at",
        "engagement_sources": "engagement_id source_id evidence extractor confidence",
        "country_pairs": "engagement_id country_a country_b start_date",
        "etl_runs": "run_id source_kind started_at finished_at status records_in records_loaded records_rejected message",
        "rejects": "run_id source_kind locator reason record",
    }
    for view, columns in expected.items():
        have = {c for (c,) in ro.execute(
            "select column_name from information_schema.columns where table_name = ?", [view]).fetchall()}
        assert set(columns.split()) <= have, view


def test_keys_are_unique_and_references_hold(ro):
    from etl.warehouse.checks import run_checks
    results = {c.check: c.offending_rows for c in run_checks(ro)}
    for check in ("engagements.engagement_id is unique", "participants.official_id refers to officials.official_id",
                  "engagement_sources.source_id refers to sources.source_id", "every engagement has a source"):
        assert results[check] == 0, check
    assert [name for name, bad in results.items() if bad] == []


def test_incremental_derived_tables_equal_a_full_rebuild(fresh_db, tmp_path):
    from etl.warehouse.marts import rebuild_marts
    from tests.test_table import GOOD, HEADER

    load_now(fresh_db, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    table = tmp_path / "t.csv"
    table.write_text(HEADER + GOOD)
    load_now(fresh_db, "table", [table])
    table.write_text(HEADER + GOOD.replace("2025-02-13", "2025-03-20").replace("Donald Trump", "Joe Biden"))
    load_now(fresh_db, "table", [table])  # replaces the first version: its engagement and pairs must go
    incremental = view_digest(fresh_db)
    rebuild_marts(fresh_db)
    assert view_digest(fresh_db) == incremental
    compact = ("select count(*) from initiative_official_total_rollup r join initiatives i using (initiative_id) "
               "where i.name like '%COMPACT%'")
    assert fresh_db.execute(compact).fetchall() == [(2,)]  # Modi and Biden
    table.write_text(HEADER + GOOD.replace("US-India COMPACT", ""))  # the initiative's counts must go with it
    load_now(fresh_db, "table", [table])
    assert fresh_db.execute(compact).fetchall() == [(0,)]
    incremental = view_digest(fresh_db)
    rebuild_marts(fresh_db)
    assert view_digest(fresh_db) == incremental


def test_meetings_during_a_visit_belong_to_it(ro):
    linked = ro.execute("""
        select m.kind, v.kind, m.start_date between v.start_date and v.end_date,
               coalesce(m.country_iso3 = v.country_iso3, true),
               exists (select 1 from participants pm join participants pv using (official_id)
                       where pm.engagement_id = m.engagement_id and pv.engagement_id = v.engagement_id)
        from engagements m join engagements v on v.engagement_id = m.parent_engagement_id""").fetchall()
    assert len(linked) > 10  # HSG remarks: 'Met with President Wee …' during a presidential trip leg
    assert all(vk == "visit" and mk in ("meeting", "call", "dialogue", "summit") and during and place and shared
               for mk, vk, during, place, shared in linked)
    assert ro.execute("select count(*) from engagements where kind = 'visit' and parent_engagement_id is not null").fetchone()[0] == 0


def test_a_new_visit_adopts_meetings_already_loaded(fresh_db, tmp_path):
    from etl.warehouse.marts import rebuild_marts
    from tests.test_table import HEADER

    meeting = tmp_path / "meeting.csv"
    meeting.write_text(HEADER + "m1,meeting,held,2025-02-13,,Washington,USA,Meeting,"
                       "Narendra Modi | Prime Minister | IND; Donald Trump | President | USA,,,https://example.org/m,,1\n")
    load_now(fresh_db, "table", [meeting])
    assert fresh_db.execute("select parent_engagement_id from engagements").fetchall() == [(None,)]
    visit = tmp_path / "visit.csv"
    visit.write_text(HEADER + "v1,visit,held,2025-02-12,2025-02-14,Washington,USA,Visit,"
                     "Narendra Modi | Prime Minister | IND | visitor,,,https://example.org/v,,1\n")
    load_now(fresh_db, "table", [visit])
    rows = dict(fresh_db.execute("select kind, parent_engagement_id from engagements").fetchall())
    visit_id = fresh_db.execute("select engagement_id from engagements where kind = 'visit'").fetchone()[0]
    assert rows["meeting"] == visit_id
    incremental = view_digest(fresh_db)
    rebuild_marts(fresh_db)
    assert view_digest(fresh_db) == incremental


def test_an_input_read_by_an_older_reader_is_read_again(fresh_db, tmp_path, monkeypatch):
    import dataclasses

    from etl.registry import SOURCE_KINDS
    from tests.test_table import GOOD, HEADER

    table = tmp_path / "t.csv"
    table.write_text(HEADER + GOOD)
    assert load_now(fresh_db, "table", [table]).status != "unchanged"
    assert load_now(fresh_db, "table", [table]).status == "unchanged"
    newer = dataclasses.replace(SOURCE_KINDS["table"], version=lambda: "table-reader/2")
    monkeypatch.setitem(SOURCE_KINDS, "table", newer)
    assert load_now(fresh_db, "table", [table]).status != "unchanged"  # same bytes, better reader
    assert fresh_db.execute("select read_with from input_files").fetchall() == [("table-reader/2",)]
    assert load_now(fresh_db, "table", [table]).status == "unchanged"


def test_articles_record_the_extractor_and_offices_table_that_read_them(ro):
    readers = {r for (r,) in ro.execute("select read_with from input_files where source_kind = 'articles'").fetchall()}
    assert len(readers) == 1 and readers.pop().startswith("parley-rules/")


def test_the_merger_finds_what_comparing_with_every_known_engagement_finds():
    """The merger's date index is only a shortcut: each report lands where a scan of every engagement known so far,
    in the order they became known, would put it."""
    import datetime as dt
    import random

    from etl.warehouse.identity import EngagementKey, same_engagement
    from etl.warehouse.merging import Merger

    rng = random.Random(7)
    day = dt.date(2024, 3, 1)
    keys = [EngagementKey(rng.choice(["meeting", "call"]), "held", rng.choice(["a", "b", ""]), rng.choice([None, "USA"]),
                          rng.choice([None, day + dt.timedelta(days=rng.randint(0, 40))]),
                          rng.choices(["day", "month", "year"], [8, 1, 1])[0]) for _ in range(600)]
    merger, known, expected = Merger(), [], []
    for key in keys:
        match = next((eid for k, eid in known if k == key or same_engagement(k, key)), None)
        if match is None:
            known.append((key, key.engagement_id))
        expected.append((match or key.engagement_id, match is not None))
    assert [merger.find_or_add(key) for key in keys] == expected
    assert sum(merged for _, merged in expected) > 100  # the sample merges often enough to test something


def test_reports_in_two_inputs_of_one_run_merge_as_in_two_runs(tmp_path):
    """Whether inputs are loaded together or one by one, the merge rule sees every report: a meeting reported on
    consecutive days by two curated tables is one engagement either way."""
    from etl.warehouse.connection import connect

    header = ("record_id,kind,status,start_date,end_date,city,country,title,participants,initiatives,topics,"
              "source_url,evidence,confidence\n")
    people = ("Ajit Doval | National Security Adviser | India | attendee; Jake Sullivan | National Security Advisor | "
              "United States | host")
    for name, day in (("one", "2023-01-31"), ("two", "2023-02-01")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.csv").write_text(header + f"{name},meeting,held,{day},{day},Washington,USA,Talks,{people},,,"
                                            f"https://example.org/{name},ev,1.0\n", "utf-8")
    counts = []
    for db, runs in (("together", [[tmp_path / "one", tmp_path / "two"]]),
                     ("apart", [[tmp_path / "one"], [tmp_path / "two"]])):
        with connect(tmp_path / f"{db}.duckdb") as con:
            summaries = [load_now(con, "table", paths) for paths in runs]
            counts.append((con.execute("select count(*) from engagements").fetchone()[0],
                           sum(s.records_merged for s in summaries)))
    assert counts == [(1, 1), (1, 1)]


def test_a_warehouse_from_before_engagements_held_their_visit_gains_it_in_place(fresh_db, tmp_path):
    from etl.warehouse.connection import ensure_schema
    from tests.test_table import HEADER

    table = tmp_path / "trip.csv"
    table.write_text(HEADER + "m1,meeting,held,2025-02-13,,Washington,USA,Meeting,"
                     "Narendra Modi | Prime Minister | IND; Donald Trump | President | USA,,,https://example.org/m,,1\n"
                     "v1,visit,held,2025-02-12,2025-02-14,Washington,USA,Visit,"
                     "Narendra Modi | Prime Minister | IND | visitor,,,https://example.org/v,,1\n")
    load_now(fresh_db, "table", [table])
    before = view_digest(fresh_db)
    fresh_db.execute("alter table store.engagement_mart drop column parent_engagement_id")
    ensure_schema(fresh_db)
    assert view_digest(fresh_db) == before
    assert fresh_db.execute("select count(parent_engagement_id) from engagements").fetchone()[0] == 1
