"""The Office of the Historian loaders on real files, and every way their input can be bad."""
import re
from pathlib import Path

import pytest

from etl.sources.hsg import parse_travels, parse_visits, split_visitors
from tests.conftest import BUNDLED, FIXTURES, load_now, view_digest


def _visits(batch):
    return [r for r in batch.records if r.engagement.kind == "visit"]


def test_every_travel_leg_is_read():
    presidents = sum(len(_visits(parse_travels(p))) for p in (BUNDLED / "hsg-travels/president-travels").glob("*.xml"))
    secretaries = sum(len(_visits(parse_travels(p))) for p in (BUNDLED / "hsg-travels/secretary-travels").glob("*.xml"))
    assert (presidents, secretaries) == (832, 3439)


def test_remarks_become_meetings_with_the_people_met():
    batch = parse_travels(FIXTURES / "hsg/obama-barack.xml")
    london = [r for r in batch.records if r.locator.startswith("obama-barack.xml#2961#met")]
    met = {(p.name, p.title, p.country_iso3) for r in london for p in r.engagement.participants if p.role == "host"}
    # "Prime Minister Brown" in 2009 is Gordon Brown, by the offices table (he visited Washington that year)
    assert met == {("Elizabeth II", "Queen", "GBR"), ("Gordon Brown", "Prime Minister", "GBR")}
    assert all(r.engagement.kind == "meeting" and str(r.engagement.start_date) == "2009-03-31" for r in london)
    assert all(r.evidence.startswith("Met with Queen Elizabeth II") and r.extractor == "hsg-remarks" for r in london)


def test_every_visit_is_read():
    assert sum(len(parse_visits(p).records) for p in (BUNDLED / "hsg-visits").glob("*.xml")) == 3264


def test_travel_leg_becomes_a_visit_by_the_traveller():
    batch = parse_travels(FIXTURES / "hsg/obama-barack.xml")
    london = next(r for r in batch.records if r.locator.endswith("#2961"))
    e = london.engagement
    assert (e.kind, e.status, e.country_iso3, e.city) == ("visit", "held", "GBR", "London")
    assert str(e.start_date) == "2009-03-31" and str(e.end_date) == "2009-04-03"
    assert [(p.name, p.title, p.country_iso3, p.role) for p in e.participants] == [
        ("Barack Obama", "President", "USA", "visitor")]
    assert london.text.startswith("Met with Queen Elizabeth II and Prime Minister Brown. Attended the G-20")


def test_visit_splits_title_and_name():
    batch = parse_visits(FIXTURES / "hsg/2020.xml")
    modi = [r for r in batch.records if any(p.name == "Narendra Modi" for p in r.engagement.participants)]
    assert modi and modi[0].engagement.country_iso3 == "USA"
    assert modi[0].engagement.participants[0].title == "Prime Minister"
    assert modi[0].engagement.participants[0].country_iso3 == "IND"


def test_visitor_strings_with_two_people():
    assert split_visitors("President Andrzej Duda and Prime Minister Donald Tusk") == [
        ("President", "Andrzej Duda"), ("Prime Minister", "Donald Tusk")]
    assert split_visitors("President Benigno S. Aquino, 3rd") == [("President", "Benigno S. Aquino 3rd")]


def test_duplicate_legs_become_one_engagement_with_two_sources(ro):
    rows = ro.execute("""
        select e.engagement_id, e.source_count, list(s.locator order by s.locator)
        from engagements e join engagement_sources es using (engagement_id) join sources s using (source_id)
        where s.locator in ('blinken-antony-j.xml#3992', 'blinken-antony-j.xml#4019')
        group by all""").fetchall()
    assert len(rows) == 1
    assert rows[0][1] == 2


def test_warehouse_holds_every_hsg_record(ro):
    kinds = dict(ro.execute("select kind, count(*) from sources where locator not like '%#met%' group by kind").fetchall())
    assert kinds["hsg-travels"] == 832 + 3439
    assert kinds["hsg-visits"] == 3264


def test_one_official_across_hsg_spellings(ro):
    blinken = ro.execute("select name, aliases, engagement_count from officials where name like '%Blinken'").fetchall()
    assert len(blinken) == 1
    assert "Antony J. Blinken" in blinken[0][1]


def _only_reject(path: Path, parse):
    batch = parse(path)
    assert len(batch.rejects) == 1, [r.message() for r in batch.rejects]
    return batch, batch.rejects[0]


def test_impossible_date_is_rejected_with_place_and_field(hsg_copy):
    path = hsg_copy("blinken-antony-j.xml", "<end-date>2021-03-17</end-date>", "<end-date>2021-13-01</end-date>")
    batch, reject = _only_reject(path, parse_travels)
    assert reject.field == "end-date" and "2021-13-01" in reject.reason and "trip 3992" in reject.locator
    assert str(path) in reject.locator
    assert len(_visits(batch)) == batch.records_in - 1


@pytest.mark.parametrize("fixture, old, new, field, reason", [
    ("blinken-antony-j.xml", "<end-date>2021-03-17</end-date>", "<end-date>2021-03-01</end-date>",
     None, r".*end_date 2021-03-01 is before start_date 2021-03-15.*"),
    ("blinken-antony-j.xml", '<country id="japan">Japan</country>', '<country id="atlantis">Atlantis</country>',
     "country", r"unknown country 'atlantis'"),
    ("obama-barack.xml", "<name>Barack Obama</name>", "<name/>", "name", r"missing or empty"),
    ("obama-barack.xml", "<id>2961</id>", "<id>2960</id>", "id", r"duplicate id 2960 in this file"),
], ids=["end-before-start", "unknown-country", "missing-field", "duplicate-id"])
def test_bad_trip_is_rejected_by_field(hsg_copy, fixture, old, new, field, reason):
    _, reject = _only_reject(hsg_copy(fixture, old, new), parse_travels)
    assert reject.field == field and re.fullmatch(reason, reject.reason), reject.message()


def test_malformed_xml_rejects_the_file_with_its_line(hsg_copy):
    path = hsg_copy("2020.xml", "</visitor>", "</visitr>")
    batch, reject = _only_reject(path, parse_visits)
    assert batch.records == [] and "malformed XML" in reject.reason and "line" in reject.locator


def test_non_utf8_bytes_are_rejected(tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes((FIXTURES / "hsg/2020.xml").read_text("utf-8").replace("Modi", "Mödi").encode("latin-1", "replace"))
    _, reject = _only_reject(path, parse_visits)
    assert "not UTF-8" in reject.reason and "line" in reject.reason


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text("")
    _, reject = _only_reject(path, parse_visits)
    assert reject.reason == "empty file"


def test_entity_expansion_is_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><visits>&b;</visits>')
    _, reject = _only_reject(path, parse_visits)
    assert "unsafe XML" in reject.reason


def test_rejects_are_stored_and_the_rest_loads(fresh_db, hsg_copy):
    path = hsg_copy("blinken-antony-j.xml", "<start-date>2021-03-17</start-date>", "<start-date>yesterday</start-date>")
    summary = load_now(fresh_db, "hsg-travels", [path])
    assert summary.records_rejected == 1
    visits = fresh_db.execute("select count(*) from sources where kind = 'hsg-travels' and locator not like '%#met%'").fetchone()[0]
    assert visits == summary.records_in - 1
    stored = fresh_db.execute("select locator, field, reason from rejects").fetchall()
    assert len(stored) == 1 and stored[0][1] == "start-date" and "yesterday" in stored[0][2]


def test_loading_twice_changes_nothing(fresh_db):
    paths = [FIXTURES / "hsg/blinken-antony-j.xml", FIXTURES / "hsg/obama-barack.xml"]
    load_now(fresh_db, "hsg-travels", paths)
    before = view_digest(fresh_db)
    assert load_now(fresh_db, "hsg-travels", paths).status == "unchanged"
    load_now(fresh_db, "hsg-travels", paths, force=True)
    assert view_digest(fresh_db) == before


REMARK_CASES = [
    # remarks, host country, the people met (name, title, country)
    ("Met with Prime Minister Hun Sen. Attended the East Asia Summit.", "KHM",
     [("Hun Sen", "Prime Minister", "KHM")]),  # 'Sen' is a name here, not the Senator abbreviation
    ("Held trilateral meeting with Prime Minister Netanyahu and Bahraini Foreign Minister Abdullatif bin Rashid "
     "Al Zayani.", "ISR", [("Netanyahu", "Prime Minister", "ISR"),
                           ("Abdullatif bin Rashid Al Zayani", "Foreign Minister", "BHR")]),
    ("Participated in a meeting with Turkish President Recep Tayyip Erdoğan to discuss the situation in Syria.", "TUR",
     [("Recep Tayyip Erdoğan", "President", "TUR")]),
    ("Met with the U.S. Ambassador to the Holy See and with Pope Francis.", "VAT", [("Francis", "Pope", "VAT")]),
    ("Met with the Presidents and Prime Ministers of the Baltic states.", "LVA", []),
    # an office of a country with nobody named is nobody; 'Senator King' keeps his name
    ("In Siem Reap, met with the Prime Minister of Thailand and Senator King.", "KHM", [("King", "Senator", "KHM")]),
    # the traveller discussed a subject with someone: a meeting; someone else's discussion is not the traveller's
    ("Discussed regional security and trade with President Kagame and Foreign Minister Mushikiwabo.", "RWA",
     [("Kagame", "President", "RWA"), ("Mushikiwabo", "Foreign Minister", "RWA")]),
    ("Toured the port; reviewed reconstruction plans with Prime Minister Hariri.", "LBN",
     [("Hariri", "Prime Minister", "LBN")]),
    ("Attended a dinner where the ministers discussed trade with President Obama.", "CHN", []),
    ("Discussed cooperation with Japan.", "JPN", []),
]


@pytest.mark.parametrize("remarks, host, expected", REMARK_CASES)
def test_people_met_from_remarks(remarks, host, expected):
    from etl.extract.remarks import people_met

    found = [(p.name, p.title, p.country) for p in people_met(remarks, host)]
    assert found == expected
