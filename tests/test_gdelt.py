"""GDELT 1.0/2.0 event exports: scope, mirror rows collapsing, both 1.0 widths, bad input, incremental loads."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from etl.resolve.codes import UnknownCode, cameo_country, fips_country
from etl.sources.gdelt import LAYOUTS, parse_gdelt
from etl.sources.gdelt_fetch import FetchError, fetch_new_exports, parse_file_list, wanted
from tests.conftest import BUNDLED, FIXTURES, broken_export_line, load_now, view_digest

EXPORT = BUNDLED / "gdelt" / "20191024143000.export.CSV"
GDELT1 = BUNDLED / "gdelt" / "gdelt1-events-sample.tsv"
SLICE = FIXTURES / "gdelt" / "20191024143000-first60.export.CSV"


def _in_scope_rows(path: Path) -> int:
    count = 0
    for line in path.read_text("utf-8").splitlines():
        values = line.split("\t")
        base = values[LAYOUTS[len(values)]["EventBaseCode"]]
        count += base == "036" or base.startswith("04")
    return count


def test_every_meet_consult_visit_row_is_accounted_for_in_etl_runs(fresh_db):
    assert _in_scope_rows(EXPORT) == 573
    summary = load_now(fresh_db, "gdelt", [EXPORT])
    assert summary.records_in == 2111
    assert summary.records_loaded + summary.records_merged + summary.records_rejected == 573
    assert summary.records_skipped == 2111 - 573
    run = fresh_db.execute("select records_in, records_loaded, records_merged, records_rejected, records_skipped "
                           "from etl_runs where run_id = ?", [summary.run_id]).fetchone()
    assert run == (2111, summary.records_loaded, summary.records_merged, summary.records_rejected, 1538)
    sources = fresh_db.execute("select count(*) from engagement_sources where source_kind = 'gdelt'").fetchone()[0]
    rejects = fresh_db.execute("select count(*) from rejects where source_kind = 'gdelt'").fetchone()[0]
    assert sources + rejects == 573
    assert summary.records_merged > 0 and summary.records_loaded > 0


def test_mirror_visit_and_host_rows_are_one_visit_with_four_sources(fresh_db):
    load_now(fresh_db, "gdelt", [SLICE])
    rows = fresh_db.execute(
        "select e.engagement_id, e.kind, e.country_iso3, e.start_date, e.source_count from engagements e "
        "where e.kind = 'visit' and e.engagement_id in (select engagement_id from engagement_parties "
        "where country_iso3 = 'GBR' and role = 'visitor')").fetchall()
    assert len(rows) == 1
    engagement_id, kind, country, day, source_count = rows[0]
    assert (kind, country, str(day), source_count) == ("visit", "SAU", "2019-09-24", 4)
    parties = fresh_db.execute("select country_iso3, role from engagement_parties where engagement_id = ? order by role",
                               [engagement_id]).fetchall()
    assert parties == [("SAU", "host"), ("GBR", "visitor")]
    codes = sorted(c for (c,) in fresh_db.execute(
        "select event_code from coded_events where engagement_id = ?", [engagement_id]).fetchall())
    assert codes == ["042", "042", "043", "043"]
    pair = fresh_db.execute("select country_a, country_b from country_pairs where engagement_id = ?",
                            [engagement_id]).fetchall()
    assert pair == [("GBR", "SAU")]


def test_coded_event_keeps_goldstein_mentions_sources_tone_and_url(fresh_db):
    load_now(fresh_db, "gdelt", [SLICE])
    row = fresh_db.execute("select event_code, goldstein, num_mentions, num_sources, num_articles, avg_tone, uri, place "
                           "from coded_events where event_id = '881990861'").fetchone()
    assert row[0] == "036" and row[1] == 4.0 and row[2:5] == (10, 1, 10)
    assert row[5] == pytest.approx(0.0, abs=10)
    assert row[6].startswith("https://af.reuters.com/")
    assert row[7] == "China"


def test_gdelt1_file_with_both_row_widths_loads(fresh_db):
    batch = parse_gdelt(GDELT1)
    assert batch.records_in == 710
    assert not [r for r in batch.rejects if r.field == "row"]
    with_url = [r for r in batch.records if r.uri.startswith("http")]
    without_url = [r for r in batch.records if r.uri.startswith("gdelt:event/")]
    assert with_url and without_url  # 58-column daily rows and 57-column backfile rows
    assert {r.engagement.start_date.year for r in without_url} == {1982}
    summary = load_now(fresh_db, "gdelt", [GDELT1])
    assert summary.records_loaded + summary.records_merged + summary.records_rejected + summary.records_skipped == 710


def test_zipped_export_loads_like_the_plain_file(tmp_path, fresh_db):
    archive = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(SLICE, "20191024143000.export.CSV")
    zipped, plain = parse_gdelt(archive), parse_gdelt(SLICE)
    assert [r.engagement for r in zipped.records] == [r.engagement for r in plain.records]
    assert len(zipped.rejects) == len(plain.rejects)


def _mutate(tmp_path: Path, line_no: int, column: str | None, value: str, cut: int | None = None) -> Path:
    lines = SLICE.read_text("utf-8").splitlines()
    lines[line_no - 1] = broken_export_line(lines[line_no - 1], column, value, cut)
    path = tmp_path / "bad.export.CSV"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# Line 37 is an in-scope 042 row (UK visits Saudi Arabia); line 1 is out of scope.
@pytest.mark.parametrize(("line", "column", "value", "cut", "field", "reason"), [
    (37, None, "", 30, "row", "30 columns; a GDELT export has 57, 58 or 61"),
    (37, "EventBaseCode", "04x", None, "EventBaseCode", "'04x' is not a CAMEO code"),
    (1, "EventCode", "abc", None, "EventCode", "'abc' is not a CAMEO code"),
    (37, "Actor1CountryCode", "XYZ", None, "Actor1CountryCode", "'XYZ' is not a CAMEO country code"),
    (37, "ActionGeo_CountryCode", "QQ", None, "ActionGeo_CountryCode", "'QQ' is not a FIPS 10-4 country code"),
    (37, "SQLDATE", "20191341", None, "SQLDATE", "'20191341' is not a date YYYYMMDD"),
    (37, "NumMentions", "many", None, "NumMentions", "'many' is not a number"),
])
def test_bad_row_is_rejected_with_file_line_field_and_the_rest_loads(tmp_path, fresh_db, line, column, value, cut,
                                                                     field, reason):
    good = parse_gdelt(SLICE)
    path = _mutate(tmp_path, line, column, value, cut)
    summary = load_now(fresh_db, "gdelt", [path])
    reject = next(r for r in summary.rejects if r.locator == f"{path}: line {line}")
    assert (reject.field, reject.reason) == (field, reason)
    assert reject.record  # the raw line is kept
    stored = fresh_db.execute("select count(*) from rejects where locator = ? and field = ?",
                              [f"{path}: line {line}", field]).fetchone()[0]
    assert stored == 1
    assert len(summary.rejects) in (len(good.rejects), len(good.rejects) + 1)
    assert summary.records_loaded + summary.records_merged >= len(good.records) - 1


def test_a_zip_that_is_not_a_zip_is_rejected_whole(tmp_path, fresh_db):
    fake = tmp_path / "20191024150000.export.CSV.zip"
    fake.write_bytes(b"this is not a zip archive")
    summary = load_now(fresh_db, "gdelt", [fake, SLICE])
    assert any(r.locator == str(fake) and "not a readable zip" in r.reason for r in summary.rejects)
    assert summary.records_loaded > 0  # the good export in the same batch still loads


def test_domestic_and_countryless_events_are_rejected_with_the_reason():
    batch = parse_gdelt(EXPORT)
    reasons = {r.reason.split(":")[0] for r in batch.rejects}
    assert reasons == {"domestic event", "only one country involved", "the visitor has no country",
                       "neither actor nor the place has a country"}
    domestic = next(r for r in batch.rejects if r.reason.startswith("domestic event"))
    assert domestic.reason.startswith("domestic event: both actors and the place are in ")


def test_eu_and_un_known_groups_are_parties():
    batch = parse_gdelt(EXPORT)
    parties = {p.country_iso3 for r in batch.records for p in r.engagement.parties}
    assert {"EUU", "UNO"} <= parties


def test_rerun_is_a_no_op_and_a_new_export_in_the_directory_loads_alone(tmp_path, fresh_db):
    directory = tmp_path / "gdelt"
    directory.mkdir()
    (directory / SLICE.name).write_bytes(SLICE.read_bytes())
    load_now(fresh_db, "gdelt", [directory])
    before = view_digest(fresh_db)
    again = load_now(fresh_db, "gdelt", [directory])
    assert again.status == "unchanged" and view_digest(fresh_db) == before
    (directory / EXPORT.name).write_bytes(EXPORT.read_bytes())
    summary = load_now(fresh_db, "gdelt", [directory])
    assert summary.inputs_skipped == 1 and summary.records_in == 2111


def test_country_codes_map_to_iso3():
    assert [cameo_country(c) for c in ("USA", "ROM", "ZAR", "EUR", "")] == ["USA", "ROU", "COD", None, None]
    assert [fips_country(c) for c in ("UK", "RS", "SF", "JA", "OS", "")] == ["GBR", "RUS", "ZAF", "JPN", None, None]
    with pytest.raises(UnknownCode):
        cameo_country("XYZ")
    with pytest.raises(UnknownCode):
        fips_country("QQ")


def _file_list(directory: Path, stamps: list[str]) -> Path:
    lines = []
    for stamp in stamps:
        archive = directory / "remote" / f"{stamp}.export.CSV.zip"
        archive.parent.mkdir(exist_ok=True)
        with zipfile.ZipFile(archive, "w") as zf:
            zf.write(SLICE, f"{stamp}.export.CSV")
        body = archive.read_bytes()
        lines.append(f"{len(body)} {hashlib.md5(body).hexdigest()} {archive.as_uri()}")
        lines.append(f"123 {'0' * 32} {archive.as_uri().replace('.export.', '.mentions.')}")
    listing = directory / "masterfilelist.txt"
    listing.write_text("\n".join(lines) + "\n", "utf-8")
    return listing


def test_fetch_downloads_only_exports_newer_than_those_present(tmp_path):
    listing = _file_list(tmp_path, ["20191024140000", "20191024141500", "20191024143000"])
    into = tmp_path / "exports"
    first = fetch_new_exports(listing.as_uri(), into, limit=2, sleep=lambda s: None)
    assert [p.name for p in first.downloaded] == ["20191024141500.export.CSV.zip", "20191024143000.export.CSV.zip"]
    again = fetch_new_exports(listing.as_uri(), into, sleep=lambda s: None)
    assert again.downloaded == [] and again.failed == []
    assert sorted(p.name for p in into.iterdir()) == ["20191024141500.export.CSV.zip", "20191024143000.export.CSV.zip"]


def test_fetch_retries_then_reports_a_missing_file_and_keeps_the_others(tmp_path):
    listing = _file_list(tmp_path, ["20191024140000", "20191024141500"])
    (tmp_path / "remote" / "20191024140000.export.CSV.zip").unlink()
    waits: list[float] = []
    result = fetch_new_exports(listing.as_uri(), tmp_path / "exports", retries=2, sleep=waits.append)
    assert waits == [1.0, 2.0]
    assert len(result.failed) == 1 and "20191024140000" in result.failed[0]
    assert [p.name for p in result.downloaded] == ["20191024141500.export.CSV.zip"]
    with pytest.raises(FetchError):
        fetch_new_exports((tmp_path / "missing.txt").as_uri(), tmp_path / "exports", retries=0)


def test_file_list_keeps_only_event_exports_in_time_order(tmp_path):
    text = ("5 aa http://x/20191024143000.export.CSV.zip\n"
            "6 bb http://x/20191024141500.export.CSV.zip\n"
            "7 cc http://x/20191024141500.gkg.csv.zip\nbroken line\n")
    exports = parse_file_list(text)
    assert [e.stamp for e in exports] == ["20191024141500", "20191024143000"]
    assert [e.stamp for e in wanted(exports, tmp_path, since="20191024141500")] == ["20191024143000"]


def test_refresh_fetches_from_the_configured_list_then_loads(tmp_path, monkeypatch):
    from etl.config import ConfigError, load_settings
    from etl.refresh import run_refresh

    listing = _file_list(tmp_path, ["20191024141500"])
    config = tmp_path / "parley.toml"
    config.write_text(f'[warehouse]\npath = "w.duckdb"\n[[sources]]\nkind = "gdelt"\npath = "exports"\n'
                      f'url = "{listing.as_uri()}"\n', "utf-8")
    result = run_refresh(load_settings(config))
    assert result.fetched == 1 and result.published and not result.errors
    assert result.summaries[0].records_loaded > 0
    assert not run_refresh(load_settings(config)).published  # nothing new listed: a no-op
    (tmp_path / "remote" / "20191024141500.export.CSV.zip").unlink()
    broken = tmp_path / "broken.toml"
    broken.write_text(f'[warehouse]\npath = "w.duckdb"\n[[sources]]\nkind = "gdelt"\npath = "exports"\n'
                      f'url = "{(tmp_path / "gone.txt").as_uri()}"\n', "utf-8")
    monkeypatch.setattr("etl.sources.gdelt_fetch.time.sleep", lambda seconds: None)
    offline = run_refresh(load_settings(broken))
    assert offline.errors and "gone.txt" in offline.errors[0] and not offline.published
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[sources]]\nkind = "table"\npath = "x"\nurl = "http://example.org"\n', "utf-8")
    with pytest.raises(ConfigError, match="only for kind 'gdelt'"):
        load_settings(wrong)
