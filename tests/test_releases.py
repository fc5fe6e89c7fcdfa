"""Markdown press releases with a YAML front matter, publisher context, and undated text (real White House files)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.extract.dates import resolve
from etl.sources.articles import iter_articles, parse_articles, read_articles
from etl.sources.markdown import markdown_to_text, parse_release
from etl.resolve.publishers import publisher_code, publisher_of_domain
from tests.conftest import FIXTURES

RELEASES = FIXTURES / "wh-briefings"
MODI_CALL = RELEASES / "2021-02-08-readout-of-president-joseph-r-biden-jr-call-with-prime-minister-narendra-modi-of-india.md"
TRAVEL = RELEASES / "2021-03-22-statement-by-nsc-spokesperson-emily-horne-on-senior-administration-official-travel-to-mexico-and-guatemala.md"
FACT_SHEET = next(RELEASES.glob("2022-03-01-fact-sheet-*.md"))


def test_front_matter_gives_title_date_and_url():
    release = parse_release(TRAVEL.read_text("utf-8"))
    # The folded, escaped YAML title ('\_' is a no-break space) reads as one plain line.
    assert release.title == "Statement by NSC Spokesperson Emily Horne on Senior Administration Official Travel to Mexico and Guatemala"
    assert release.published == dt.date(2021, 3, 22)
    assert release.url.startswith("https://bidenwhitehouse.archives.gov/briefing-room/")
    assert release.tags == ["statements-releases"]
    assert "\\###" not in release.body and "###" not in release.body
    assert "Ambassador Roberta Jacobson will travel to Mexico on March 22" in release.body  # wrapped lines joined


def test_markdown_markup_is_removed():
    text = markdown_to_text("**<u>Bold</u> words** and a [link](https://x.org/a_(b)) here\\.\n\n-   one item\n    wraps\n-   two\n\n\\###\nafter")
    assert text.split("\n\n") == ["Bold words and a link here.", "one item wraps", "two"]


def test_a_link_wrapped_across_lines_is_removed_whole():
    text = markdown_to_text("implementation of the [March 25 Joint\nStatement](https://x.org/2022/03/25/joint-statement/) by"
                            "\nthe two presidents.")
    assert text == "implementation of the March 25 Joint Statement by the two presidents."


def test_release_is_read_with_its_title_first():
    (raw,) = list(read_articles(MODI_CALL))
    assert raw.title.startswith("Readout of President Joseph R. Biden, Jr. Call with Prime Minister Narendra Modi")
    assert raw.text.startswith(raw.title + ".\n\n")
    assert raw.published == dt.date(2021, 2, 8)
    assert raw.uri.startswith("https://bidenwhitehouse.archives.gov/")


@pytest.mark.parametrize("header, field, reason", [
    ("title: 'unclosed\n", "front matter", "not valid YAML"),
    ("- a\n- list\n", "front matter", "a YAML mapping was expected"),
    ("title: No date here\n", "date", "missing"),
    ("title: Bad\ndate: '2021-13-45'\n", "date", "is not a date"),
])
def test_bad_front_matter_is_rejected_with_its_field(tmp_path: Path, header: str, field: str, reason: str):
    path = tmp_path / "release.md"
    path.write_text(f"---\n{header}---\n\nPresident Biden met Prime Minister Modi of India in Washington.\n", "utf-8")
    (reject,) = list(read_articles(path))
    assert reject.locator == str(path) and reject.field == field and reason in reject.reason


def test_unclosed_front_matter_is_plain_text_not_lost(tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text("---\ntitle: never closed\n\nPresident Biden met Prime Minister Modi of India.\n", "utf-8")
    (raw,) = list(read_articles(path))
    assert raw.published is None and "Modi" in raw.text


def test_a_bad_release_does_not_stop_the_folder(tmp_path: Path):
    (tmp_path / "bad.md").write_text("---\ntitle: x\n---\n\nbody\n", "utf-8")
    (tmp_path / "good.md").write_bytes(MODI_CALL.read_bytes())
    (tmp_path / "latin1.md").write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    (tmp_path / "README.md").write_text("# About this folder\n", "utf-8")
    files = list(iter_articles([tmp_path]))
    assert [p.name for p in files] == ["bad.md", "good.md", "latin1.md"]  # a folder's README is not an article
    batches = {p.name: parse_articles(p) for p in files}
    assert batches["bad.md"].rejects[0].field == "date"
    assert batches["latin1.md"].rejects and "UTF-8" in batches["latin1.md"].rejects[0].reason
    assert batches["good.md"].records and not batches["good.md"].rejects


def test_readout_loads_as_a_dated_call_with_countries():
    batch = parse_articles(MODI_CALL)
    calls = [r for r in batch.records if r.engagement.kind == "call"]
    assert calls, batch.records
    call = calls[0]
    assert call.engagement.start_date == dt.date(2021, 2, 8)
    assert {p.name: p.country_iso3 for p in call.engagement.participants} == {"Joseph R. Biden": "USA", "Narendra Modi": "IND"}
    assert call.uri.startswith("https://bidenwhitehouse.archives.gov/") and call.published_at == dt.date(2021, 2, 8)


def test_spokespeople_who_issue_a_release_take_no_part():
    batch = parse_articles(TRAVEL)
    names = {p.name for r in batch.records for p in r.engagement.participants}
    assert "Emily Horne" not in names
    visits = {(p.name, r.engagement.country_iso3) for r in batch.records if r.engagement.kind == "visit"
              for p in r.engagement.participants}
    assert ("Roberta Jacobson", "MEX") in visits


def test_undated_text_is_never_dated_today(tmp_path: Path):
    path = tmp_path / "undated.txt"
    path.write_text("Prime Minister Narendra Modi met President Joe Biden in Washington on Friday to discuss trade.\n", "utf-8")
    batch = parse_articles(path)
    assert batch.records
    assert all(r.engagement.start_date is None for r in batch.records)
    assert all(r.published_at is None for r in batch.records)


@pytest.mark.parametrize("text, expected", [
    ("met on Friday", None),
    ("met on March 3", None),
    ("met on March 3, 2022", dt.date(2022, 3, 3)),
    ("met in October 2015", dt.date(2015, 10, 1)),
    ("met yesterday", None),
])
def test_without_a_publication_date_only_dates_with_a_year_resolve(text, expected):
    span = resolve(text, None)
    assert (span.start if span else None) == expected


@pytest.mark.parametrize("url, country", [
    ("https://bidenwhitehouse.archives.gov/briefing-room/x", "USA"),
    ("https://www.state.gov/readout/", "USA"),
    ("https://www.gov.uk/government/news/x", "GBR"),
    ("https://www.mea.gov.in/press-releases.htm", "IND"),
    ("https://www.mofa.go.jp/press/", "JPN"),
    ("https://www.reuters.com/world/", None),
    (None, None),
])
def test_publisher_from_the_domain(url, country):
    assert publisher_of_domain(url) == country


def test_publisher_setting_is_a_country():
    assert publisher_code("USA") == "USA" and publisher_code("India") == "IND" and publisher_code(None) is None


def test_noise_release_announces_nothing():
    batch = parse_articles(FACT_SHEET)
    assert not batch.rejects
    assert len(batch.records) <= 1


def test_explain_prints_the_rules_behind_each_event():
    import subprocess
    import sys

    parley = Path(sys.executable).parent / "parley"
    done = subprocess.run([str(parley), "extract", str(TRAVEL), "--explain"], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert any(line.startswith("1. visit planned 2021-03-22 MEX: Roberta Jacobson") for line in lines)
    assert "   rule trigger.visit: 'travel to'" in lines
    assert "   rule date.stated: 2021-03-22" in lines and "   rule status.planned: future words" in lines
    # a former US ambassador, named in full, is American by the offices table
    assert any(line.startswith("   rule offices.nationality: Roberta S. Jacobson was Ambassador, USA") for line in lines)
    assert not any("Emily Horne" in line for line in lines if line[:1].isdigit())  # she issued it
    assert not any("Southwest Border" in line for line in lines if line[:1].isdigit())  # Jacobson's portfolio


def test_event_json_carries_its_rules():
    from etl.extract.document import parse_article
    from etl.extract.pipeline import event_json, extract_articles

    article = parse_article("Secretary Blinken met Prime Minister Narendra Modi of India in New Delhi on March 3.",
                            dt.date(2022, 3, 10), publisher="USA")
    (meeting,) = [e for e in next(extract_articles([article])).events if e.kind == "meeting"]
    as_json = event_json(meeting)
    assert as_json["rules"][0] == "trigger.meeting: 'met'"
    assert "date.stated: 2022-03-03" in as_json["rules"]
    assert as_json["participant_rules"]["Antony John Blinken"][0].startswith("offices: Antony John Blinken, Secretary of State")


@pytest.mark.parametrize("headline, country", [
    ("Readout of President Joseph R. Biden, Jr. Call with Prime Minister Narendra Modi of India", "USA"),
    ("Secretary Blinken’s Call with Indian External Affairs Minister Jaishankar", "USA"),
    ("Secretary Blinken Travels To Saudi Arabia And Oman", "USA"),  # title case runs the verb into the lead
    ("Statement by National Security Advisor Jake Sullivan on the Attack in Kabul", "USA"),
    ("Readout of Vice President Harris’s Meeting with King Abdullah II of Jordan", "USA"),
    ("Blinken meets Tinubu in Abuja on third stop of four-nation Africa tour", None),  # news names people bare
    ("Indian Foreign Secretary Kwatra in Dhaka for foreign office consultations", None),  # or qualified
    ("Prime Minister Modi of India Visits the White House", None),
    ("U.S.-Canada Joint Statement on Gordie Howe International Bridge", None),
])
def test_publisher_from_the_headline(headline, country):
    from etl.extract.publisher import publisher_from_headline

    found = publisher_from_headline(headline, dt.date(2022, 5, 24))
    assert (found and found.country) == country


@pytest.mark.parametrize("body, country", [
    ("President Joseph R. Biden, Jr. spoke today with Prime Minister Magdalena Andersson of Sweden.", "USA"),
    ("Today, National Security Advisor Jake Sullivan met with the Secretary of the Council.", "USA"),
    ("The below is attributable to Spokesperson Ned Price:\n\nSecretary of State Antony J. Blinken spoke with …", "USA"),
    ("Americans are squeezed by the cost of living.", None),
    ("Indian Prime Minister Narendra Modi spoke with President Putin.", None),
])
def test_publisher_from_the_opening(body, country):
    from etl.extract.publisher import publisher_from_opening

    found = publisher_from_opening(body, dt.date(2022, 5, 24))
    assert (found and found.country) == country


def test_a_release_with_no_publisher_given_is_read_as_its_government_s():
    from etl.extract.document import parse_article
    from etl.extract.pipeline import extract_articles

    text = (" date 2022-05-24 Secretary Blinken’s Call with Ukrainian Foreign Minister Kuleba\n\n"
            "Secretary Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. The Secretary and Special "
            "Envoy Ellen Marsh discussed energy security.")  # an envoy in no office table: the publisher decides
    news = " date 2022-05-24 Blinken calls Kuleba\n\nWASHINGTON — Secretary Blinken spoke with Dmytro Kuleba."
    release, story = next(extract_articles([parse_article(text)])), next(extract_articles([parse_article(news)]))
    assert release.article.publisher == "USA" and story.article.publisher is None
    assert release.article.publisher_inferred.startswith("publisher.inferred: headline names Secretary Blinken")
    people = {p.name: p for p in release.people}
    assert people["Ellen Marsh"].country == "USA"
    assert any("publisher.inferred" in rule for rule in people["Ellen Marsh"].rules)


def test_a_datelineless_text_naming_its_government_s_officials_bare_is_that_government_s():
    from etl.extract.document import parse_article
    from etl.extract.pipeline import extract_articles

    # The headline's official is in no office table; the Secretary the body names bare is.
    text = (" date 2022-05-24 Counselor Chollet’s Trip to Ukraine\n\n"
            "Counselor Derek Chollet met with Ukrainian Prime Minister Denys Shmyhal in Kyiv on May 23. Deputy "
            "Secretary Sherman also spoke by phone with Foreign Minister Kuleba on May 22. Secretary Blinken met "
            "with Special Representative for North Korea Sung Kim on May 20.")
    extraction = next(extract_articles([parse_article(text)]))
    assert extraction.article.publisher == "USA"
    assert "Deputy Secretary Wendy Sherman with no country" in extraction.article.publisher_inferred  # the first
    countries = {p.name: p.country for e in extraction.events for p in e.participants}
    # Nobody visits their own country; a portfolio ('for North Korea') is no nationality.
    assert countries["Derek Chollet"] == "USA" and countries["Sung Kim"] == "USA"
    assert ("visit", "UKR") in {(e.kind, e.country) for e in extraction.events}


def test_someone_meeting_only_the_hosts_at_home_is_not_taken_for_a_host():
    from etl.extract.document import parse_article
    from etl.extract.pipeline import extract_articles

    text = " date 2022-05-24 Talks in Kyiv\n\nCounselor Derek Chollet met with Ukrainian Prime Minister Denys Shmyhal in Kyiv."
    (meeting,) = [e for e in next(extract_articles([parse_article(text)])).events if e.kind == "meeting"]
    assert {p.name: p.country for p in meeting.participants}["Derek Chollet"] is None
