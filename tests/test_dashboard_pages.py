"""Each dashboard page, run with Streamlit's AppTest against the fixture warehouse."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ROOT / "dashboard" / "pages"


@pytest.fixture(autouse=True)
def _warehouse(monkeypatch, warehouse_path: Path):
    monkeypatch.setenv("PARLEY_DB", str(warehouse_path))
    monkeypatch.setenv("PARLEY_CONFIG", str(warehouse_path.parent / "no-config.toml"))
    monkeypatch.chdir(ROOT)


def run_page(name: str, query: dict | None = None, timeout: float = 60) -> AppTest:
    app = AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=timeout)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption] + [i.value for i in app.info]
    parts += [str(df.value) for df in app.dataframe]
    return "\n".join(str(p) for p in parts)


def test_overview_counts_and_frequency():
    app = run_page("overview")
    metrics = {m.label: m.value for m in app.metric}
    assert int(metrics["Engagements"].replace(",", "")) > 7000
    chart = app.get("plotly_chart")[0]
    assert '"visit"' in chart.proto.spec


def test_filters_come_from_the_url():
    app = run_page("overview", {"country": "IND", "kind": "meeting", "source": "table"})
    assert app.multiselect(key="f_countries").value == ["IND"]
    metrics = {m.label: m.value for m in app.metric}
    assert 0 < int(metrics["Engagements"].replace(",", "")) < 10


def test_filter_matching_nothing_says_so():
    app = run_page("overview", {"kind": "call", "source": "hsg-visits"})
    assert any("No engagements match" in i.value for i in app.info)


def test_countries_page_ranks_partners():
    app = run_page("countries", {"country": "IND"})
    assert len(app.get("plotly_chart")) >= 3
    assert "USA" in str(app.get("plotly_chart")[0].proto.spec)


def test_officials_page_shows_known_official():
    app = run_page("officials", {"country": "IND"})
    assert "Narendra Modi" in app.get("plotly_chart")[0].proto.spec


def test_the_sidebar_keeps_an_official_the_url_names_beyond_its_list(monkeypatch):
    from dashboard import common

    monkeypatch.setattr(common, "SIDEBAR_OFFICIALS", 3)
    app = run_page("overview", {"official": "ind-narendra-modi"})
    assert len(app.selectbox(key="f_official").options) == 1 + 3 + 1  # "any", the three busiest, and Modi
    assert app.selectbox(key="f_official").value == "ind-narendra-modi"
    assert app.query_params["official"] == "ind-narendra-modi"


def test_official_profile_lists_counterparts():
    app = run_page("officials", {"official": "ind-narendra-modi"})
    app.selectbox(key="profile").set_value("ind-narendra-modi").run()
    app.get("button_group")[0].set_value("Counterparts").run()
    assert not app.exception
    counterparts = app.main.dataframe[-1].value
    assert "Donald J. Trump" in set(counterparts["name"]) or "Donald Trump" in set(counterparts["name"])


def test_initiatives_page_lists_compact():
    app = run_page("initiatives")
    assert "India-US COMPACT" in texts(app)


def test_engagements_page_shows_evidence():
    app = run_page("engagements", {"official": "ind-narendra-modi", "kind": "meeting", "source": "table"})
    participants = app.main.dataframe[1].value
    assert "Trump" in " ".join(participants["name"])
    evidence = app.main.dataframe[-1].value
    assert any("President Trump hosted Prime Minister Modi" in (e or "") for e in evidence["evidence"])


def test_the_engagements_search_finds_a_participants_name_and_clearing_it_shows_all():
    app = run_page("engagements", {"kind": "meeting", "source": "table"})
    everything = len(app.main.dataframe[0].value)
    app.text_input(key="explorer_search").set_value("Narendra Modi").run()
    found = app.main.dataframe[0].value
    assert 0 < len(found) < everything
    app.text_input(key="explorer_search").set_value("").run()
    assert len(app.main.dataframe[0].value) == everything


def test_gdelt_engagement_shows_its_parties_and_how_it_was_coded():
    app = run_page("engagements", {"source": "gdelt", "kind": "visit", "country": "SAU"})
    assert any("without a named person" in m.value for m in app.markdown)
    assert any("How GDELT / ICEWS coded it" in m.value for m in app.markdown)
    coded = app.main.dataframe[-2].value
    assert set(coded["source_kind"]) == {"gdelt"} and coded["event_code"].str.startswith("04").all()


def test_countries_page_compares_sources_side_by_side():
    app = run_page("countries")
    app.selectbox(key="partner_country").set_value("USA").run()
    specs = [str(chart.proto.spec) for chart in app.get("plotly_chart")]
    by_source = next(spec for spec in specs if "source_kind" in spec)
    assert all(kind in by_source for kind in ("hsg-travels", "gdelt", "icews"))


def test_sql_page_runs_a_query_and_refuses_a_write():
    app = run_page("sql")
    app.text_area(key="sql_text").set_value("select count(*) as n from engagements").run()
    app.button(key="sql_run").click().run()
    assert not app.error and app.main.dataframe[-1].value.iloc[0, 0] > 7000
    app.text_area(key="sql_text").set_value("delete from store.engagement").run()
    app.button(key="sql_run").click().run()
    assert app.error and "Refused" in app.error[0].value
    app.text_area(key="sql_text").set_value("select * from read_csv('/etc/passwd')").run()
    app.button(key="sql_run").click().run()
    assert app.error and "Refused" in app.error[0].value


def test_data_page_shows_runs_and_checks():
    app = run_page("data")
    assert any("checks pass" in s.value for s in app.success)
    assert "hsg-travels" in texts(app)


def test_data_page_shows_the_last_publishs_checks_without_rerunning_them(monkeypatch, tmp_path):
    from etl.load import load
    from etl.warehouse.publish import staged
    from tests.conftest import FIXTURES

    db = tmp_path / "w.duckdb"
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    monkeypatch.setenv("PARLEY_DB", str(db))
    app = run_page("data")
    assert any("checks pass" in s.value for s in app.success)
    assert any("As checked by the last publish" in c.value for c in app.caption)


def test_seed_article_shows_with_its_evidence():
    app = run_page("engagements", {"official": "ind-vikram-misri", "kind": "meeting"})
    assert "Jeffrey Kessler" in " ".join(app.main.dataframe[1].value["name"])
    evidence = app.main.dataframe[-1].value
    assert any("Foreign Secretary Vikram Misri met" in (e or "") for e in evidence["evidence"])
    assert "articles" in set(evidence["source_kind"])


def test_missing_warehouse_tells_the_command(monkeypatch, tmp_path):
    monkeypatch.setenv("PARLEY_DB", str(tmp_path / "none.duckdb"))
    app = run_page("overview")
    assert "parley refresh" in app.warning[0].value


def test_a_visit_shows_the_meetings_held_during_it(ro):
    visit_id, start = ro.execute("""
        select v.engagement_id, v.start_date from engagements m join engagements v on v.engagement_id = m.parent_engagement_id
        where list_contains(v.source_kinds, 'hsg-travels') group by all order by count(*) desc, 1 limit 1""").fetchone()
    app = run_page("engagements", {"kind": "visit", "source": "hsg-travels", "start": str(start), "end": str(start)})
    app.selectbox(key="detail").set_value(visit_id).run()
    assert not app.exception
    assert any(m.value.startswith("**Held during this visit**") for m in app.markdown)
    meeting_id, day = ro.execute("select engagement_id, start_date from engagements where parent_engagement_id = ? "
                                 "order by 1 limit 1", [visit_id]).fetchone()
    app = run_page("engagements", {"kind": "meeting", "start": str(day), "end": str(day)})
    app.selectbox(key="detail").set_value(meeting_id).run()
    assert not app.exception
    assert any(m.value.startswith("**During the visit:**") for m in app.markdown)
