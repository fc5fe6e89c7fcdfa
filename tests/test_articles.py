"""Articles: the extractor on the seed article, every input format, bad input, and loading with evidence."""
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from etl.cli import app
from etl.extract.dates import resolve
from etl.extract.pipeline import event_json, extract_text
from etl.sources.articles import parse_articles
from tests.conftest import FIXTURES, load_now, view_digest

SEED = FIXTURES / "articles/seed.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_events():
    return [event_json(e) for e in extract_text(SEED.read_text("utf-8")).events]


def _names(event):
    return {p["name"] for p in event["participants"]}


def test_seed_meeting_misri_kessler(seed_events):
    meetings = [e for e in seed_events if e["kind"] == "meeting" and _names(e) == {"Vikram Misri", "Jeffrey Kessler"}]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert (meeting["status"], meeting["city"], meeting["country"]) == ("held", "Washington", "USA")
    assert "2025-05-27" <= meeting["start"] <= "2025-05-29"
    assert {p["name"]: p["country"] for p in meeting["participants"]} == {"Vikram Misri": "IND", "Jeffrey Kessler": "USA"}
    assert any("Strategic Trade Dialogue" in i for i in meeting["initiatives"])
    assert "Foreign Secretary Vikram Misri met" in meeting["evidence"]


def test_seed_visits(seed_events):
    visits = {(next(iter(_names(e))), e["country"], e["start"]) for e in seed_events if e["kind"] == "visit" and e["status"] == "held"}
    assert ("Vikram Misri", "USA", "2025-05-27") in visits
    assert ("Narendra Modi", "USA", "2025-02") in visits


def test_seed_modi_trump_and_compact(seed_events):
    meeting = next(e for e in seed_events if e["kind"] == "meeting" and _names(e) == {"Narendra Modi", "Donald Trump"})
    assert meeting["status"] == "held"
    initiatives = {i for e in seed_events for i in e["initiatives"]}
    assert any("COMPACT" in i for i in initiatives)


@pytest.mark.parametrize("text, start, end, precision", [
    ("from May 27 to 29", "2025-05-27", "2025-05-29", "day"),
    ("from 27-29 May 2025", "2025-05-27", "2025-05-29", "day"),
    ("in February this year", "2025-02", None, "month"),
    ("on Monday", "2025-05-26", None, "day"),
    ("on February 10", "2025-02-10", None, "day"),
])
def test_dates_resolve_against_publication(text, start, end, precision):
    span = resolve(text, dt.date(2025, 5, 28))
    assert (span.iso_start(), span.end.isoformat() if span.end else None, span.precision) == (start, end, precision)


def test_extract_command_prints_the_kit_format(tmp_path):
    result = runner.invoke(app, ["extract", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert documents[0]["document"] == str(SEED)
    event = documents[0]["events"][0]
    assert set(event) >= {"kind", "status", "start", "end", "city", "country", "participants", "initiatives",
                          "topics", "evidence", "confidence"}


def test_jsonl_feed_and_html_inputs(tmp_path):
    body = SEED.read_text("utf-8").split("\n", 1)[1]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"url": "https://example.org/a", "title": "Misri in Washington",
                                 "published": "2025-05-28", "text": body}) + "\n{broken\n")
    batch = parse_articles(jsonl)
    assert batch.records and batch.records[0].uri == "https://example.org/a"
    assert [r.reason for r in batch.rejects][0].startswith("invalid JSON")
    html = tmp_path / "a.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    html.write_text(f"<html><head><title>Misri</title><script>alert('x')</script></head><body><article>{paragraphs}"
                    f"</article></body></html>")
    batch = parse_articles(html)
    assert batch.records and "alert" not in (batch.records[0].text or "")
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>Misri meets Kessler</title><link>https://example.org/b</link>
      <pubDate>Wed, 28 May 2025 10:00:00 GMT</pubDate><description><![CDATA[{body}]]></description></item>
      <item><title>empty</title><link>https://example.org/c</link></item></channel></rss>""")
    batch = parse_articles(feed)
    assert any(r.uri == "https://example.org/b" and r.published_at == dt.date(2025, 5, 28) for r in batch.records)
    assert [r.field for r in batch.rejects] == ["content"]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"\x00\x01\x02binary\x00" * 20, "binary"),
    ("Le ministre des Affaires étrangères a rencontré son homologue à Paris pour parler du commerce bilatéral "
     "et de la sécurité régionale dans un climat détendu.".encode(), "English"),
    (b"\xff\xfe\xfa not utf-8", "not UTF-8"),
])
def test_bad_articles_are_rejected(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    batch = parse_articles(path)
    assert batch.records == [] and len(batch.rejects) == 1 and reason in batch.rejects[0].reason


def test_huge_article_is_rejected(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The minister met the president. " * 400_000)
    batch = parse_articles(path)
    assert batch.records == [] and "limit" in batch.rejects[0].reason


def test_seed_loads_with_evidence_and_merges_with_curated(fresh_db):
    load_now(fresh_db, "articles", [SEED])
    rows = fresh_db.execute("""
        select e.kind, e.country_iso3, es.evidence, es.extractor
        from engagements e join engagement_sources es using (engagement_id)
        join participants p using (engagement_id)
        where p.name = 'Vikram Misri' and e.kind = 'meeting'""").fetchall()
    assert rows and rows[0][1] == "USA" and "met" in rows[0][2] and rows[0][3].startswith("parley-rules")
    before = view_digest(fresh_db)
    load_now(fresh_db, "articles", [SEED], force=True)
    assert view_digest(fresh_db) == before


def test_a_colon_dateline_opens_the_body_and_a_list_heading_is_none():
    from etl.extract.document import parse_article

    assert parse_article(" date 2021-09-17 Readout\n\nNEW DELHI:\nThe ministers met.").dateline == "New Delhi"
    assert parse_article(" date 2021-09-17 Readout\n\nThe President met leaders.\n\nParticipants included:\n\n"
                         "President Alberto Fernandez, Argentine Republic").dateline is None
