"""The rollups answer every page query they serve exactly as the detail rows do, on random filters over the
fixture warehouse (the bundled sources, loaded as `parley refresh` loads them)."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from dashboard.filters import Filters
from dashboard.queries import (DATED, LATEST, ROLLUPS, UNFILTERED, bind, filtered_sql, latest_statement,
                               rolled_sql, rollup_scope, since_statement, statements, uses_rollups)
from etl.records import KINDS, STATUSES

# Each query's own parameters (the page's choices beside the sidebar's).
_PARAMS = {"kpis": {}, "frequency": {"grain": "month"}, "country_counts": {}, "pair_counts": {"limit": 50},
           "countries_over_time": {"grain": "year", "compare": ["USA", "IND", "CHN"]}, "partners": {"limit": 20}, "partners_by_source": {"limit": 12},
           "top_officials": {"limit": 25, "max_seniority": 3}, "initiative_mentions": {"grain": "year", "top": 8},
           "initiative_table": {}}


def _month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def _random_filters(rng: random.Random, days: list[dt.date], countries: list[str], source_kinds: list[str]) -> Filters:
    # bounds on days engagements start or end on, where an off-by-one in a date condition shows, and on the first
    # and last days of their months, where the monthly rollups take a month whole
    starts = days + [_month_bounds(d)[0] for d in days]
    ends = days + [_month_bounds(d)[1] for d in days]
    start = rng.choice(starts) if rng.random() < 0.6 else None
    end = rng.choice([d for d in ends if start is None or d >= start]) if rng.random() < 0.5 else None
    pair = tuple(rng.sample(countries[:8], 2)) if rng.random() < 0.2 else None
    return Filters(start=start, end=end, countries=rng.sample(countries, rng.choice((0, 0, 1, 1, 2, 3))), pair=pair,
                   kinds=rng.sample(KINDS, rng.choice((0, 0, 1, 2))), statuses=rng.sample(STATUSES, rng.choice((0, 1))),
                   source_kinds=rng.sample(source_kinds, rng.choice((0, 0, 1, 2))))


def test_every_rollup_query_has_a_detail_twin():
    assert set(_PARAMS) == set(ROLLUPS)


@pytest.mark.parametrize("name", sorted(ROLLUPS))
def test_rollups_give_what_the_detail_rows_give_on_random_filters(ro, name):
    days = sorted({d for row in ro.execute("select start_date, end_date from engagements where start_date is not null "
                                           "using sample 400 rows (reservoir, 7)").fetchall() for d in row if d})
    countries = [c for (c,) in ro.execute("select country_iso3 from engagement_countries group by 1 "
                                          "order by count(*) desc limit 30").fetchall()]
    source_kinds = [k for (k,) in ro.execute("select distinct kind from sources order by 1").fetchall()]
    rng = random.Random(f"rollups {name}")
    scopes = set()
    first, last = _month_bounds(days[len(days) // 3])[0], _month_bounds(days[2 * len(days) // 3])[1]
    # every scope at least once: nothing chosen, one country, and months taken whole; then random filters
    fixed = [Filters(), Filters(countries=countries[:1]), Filters(start=first, end=last, countries=countries[1:2])]
    for filters in fixed + [_random_filters(rng, days, countries, source_kinds) for _ in range(40)]:
        assert uses_rollups(name, filters)
        scopes.add(rollup_scope(filters, dated=name in DATED))
        params = {**filters.params(), **_PARAMS[name]}
        if name.startswith("partners"):  # often the one country chosen, which needs no country filter
            params["country"] = filters.countries[0] if filters.countries and rng.random() < 0.5 \
                else rng.choice(countries[:5])
        (rolled_sql_, rolled_values), (detail_sql, detail_values) = statements(name, filters, **params)
        detail = ro.sql(detail_sql, params=detail_values).pl()
        rolled = ro.sql(rolled_sql_, params=rolled_values).pl()
        assert rolled.equals(detail), (name, filters, detail.head(5), rolled.head(5))
    assert scopes == ({"all", "one", "many"} if name in DATED else {"all", "one", "many", "all_total", "one_total"})


def test_rollups_are_not_used_for_filters_they_cannot_answer():
    assert not uses_rollups("kpis", Filters(official="o-1"))
    assert not uses_rollups("frequency", Filters(initiative="i-1"))
    assert not uses_rollups("latest", Filters())
    assert uses_rollups("pair_counts", Filters(countries=["USA", "IND"], pair=("CHN", "RUS")))


def test_the_data_pages_counts_read_small_tables_and_equal_the_views(ro):
    from etl.warehouse.status import view_counts

    for view, rows in view_counts(ro):
        assert rows == ro.execute(f"select count(*) from {view}").fetchone()[0], view  # names from status.sql


def _kept_by_hand(ro, filters: Filters) -> set[str]:
    """The engagement ids the filters keep, worked out in polars from the views, as the sidebar describes them."""
    import polars as pl

    frame = ro.sql("select engagement_id, kind, status, start_date, end_date, source_kinds from engagements").pl()
    if filters.start:
        frame = frame.filter(pl.coalesce("end_date", "start_date") >= filters.start)
    if filters.end:
        frame = frame.filter(pl.col("start_date") <= filters.end)
    if filters.kinds:
        frame = frame.filter(pl.col("kind").is_in(filters.kinds))
    if filters.statuses:
        frame = frame.filter(pl.col("status").is_in(filters.statuses))
    if filters.source_kinds:
        frame = frame.filter(pl.col("source_kinds").list.eval(pl.element().is_in(filters.source_kinds)).list.any())
    kept = set(frame["engagement_id"])
    if filters.countries:
        kept &= {e for e, c in ro.execute("select engagement_id, country_iso3 from engagement_countries").fetchall()
                 if c in filters.countries}
    if filters.pair:
        a, b = sorted(filters.pair)
        kept &= {e for (e,) in ro.execute("select engagement_id from country_pairs where country_a = ? and "
                                          "country_b = ?", [a, b]).fetchall()}
    if filters.official:
        kept &= {e for (e,) in ro.execute("select engagement_id from participants where official_id = ?",
                                          [filters.official]).fetchall()}
    if filters.initiative:
        kept &= {e for (e,) in ro.execute("select engagement_id from engagement_initiatives where initiative_id = ?",
                                          [filters.initiative]).fetchall()}
    return kept


def test_the_filtered_engagements_are_what_each_filter_says(ro):
    from dashboard.queries import filtered

    days = sorted({d for (d,) in ro.execute("select start_date from engagements where start_date is not null "
                                            "using sample 200 rows (reservoir, 3)").fetchall()})
    countries = [c for (c,) in ro.execute("select country_iso3 from engagement_countries group by 1 "
                                          "order by count(*) desc limit 20").fetchall()]
    source_kinds = [k for (k,) in ro.execute("select distinct kind from sources order by 1").fetchall()]
    officials = [o for (o,) in ro.execute("select official_id from officials order by engagement_count desc "
                                          "limit 10").fetchall()]
    initiatives = [i for (i,) in ro.execute("select initiative_id from initiatives order by engagement_count desc "
                                            "limit 5").fetchall()]
    rng = random.Random("filtered")
    kept_some = 0
    for _ in range(40):
        filters = _random_filters(rng, days, countries, source_kinds)
        filters.official = rng.choice(officials) if rng.random() < 0.2 else None
        filters.initiative = rng.choice(initiatives) if rng.random() < 0.2 else None
        sql = filtered(filters)
        found = {e for (e,) in ro.sql(f"select engagement_id from ({sql})", params=bind(sql, filters.params())).fetchall()}
        assert found == _kept_by_hand(ro, filters), filters
        kept_some += bool(found)
    assert kept_some > 10  # not a test of empty sets only


@pytest.mark.parametrize("name", sorted(UNFILTERED))
def test_a_total_answers_a_query_with_no_filter_as_the_detail_rows_do(ro, name):
    (initiative,) = ro.execute("select initiative_id from initiatives order by engagement_count desc limit 1").fetchall()[0]
    params = {"limit": 80, "initiative_id": initiative}
    assert uses_rollups(name, Filters())
    assert not uses_rollups(name, Filters(kinds=["meeting"]))
    detail_sql, total_sql = filtered_sql(name, Filters()), rolled_sql(name, Filters())
    detail = ro.sql(detail_sql, params=bind(detail_sql, params)).pl()
    assert detail.height > 1
    assert ro.sql(total_sql, params=bind(total_sql, params)).pl().equals(detail)


@pytest.mark.parametrize("name", sorted(UNFILTERED))
def test_a_total_by_country_answers_a_query_with_only_that_country_chosen(ro, name):
    (initiative,) = ro.execute("select initiative_id from initiatives order by engagement_count desc limit 1").fetchall()[0]
    countries = [c for (c,) in ro.execute("select country_iso3 from engagement_countries group by 1 "
                                          "order by count(*) desc limit 6").fetchall()]
    assert not uses_rollups(name, Filters(countries=countries[:2]))
    assert not uses_rollups(name, Filters(countries=countries[:1], kinds=["meeting"]))
    nonempty = 0
    for country in countries:
        filters = Filters(countries=[country])
        assert uses_rollups(name, filters)
        (total_sql, total_values), (detail_sql, detail_values) = statements(name, filters, limit=500,
                                                                            initiative_id=initiative)
        detail = ro.sql(detail_sql, params=detail_values).pl()
        assert ro.sql(total_sql, params=total_values).pl().equals(detail), country
        nonempty += detail.height > 1
    assert nonempty >= 1


@pytest.mark.parametrize("name", sorted(LATEST))
def test_the_latest_engagements_from_the_day_the_rollups_give_are_the_latest_of_all(ro, name):
    own, key = LATEST[name]
    days = sorted({d for (d,) in ro.execute("select start_date from engagements where start_date is not null "
                                            "using sample 200 rows (reservoir, 3)").fetchall()})
    countries = [c for (c,) in ro.execute("select country_iso3 from engagement_countries group by 1 "
                                          "order by count(*) desc limit 20").fetchall()]
    source_kinds = [k for (k,) in ro.execute("select distinct kind from sources order by 1").fetchall()]
    subjects = [i for (i,) in ro.execute(f"select {key} from {own}s order by engagement_count desc, {key} "
                                         "limit 5").fetchall()]
    rng = random.Random(name)
    cut = first_day = 0
    for round_ in range(40):
        filters = Filters() if round_ < 5 else _random_filters(rng, days, countries, source_kinds)
        subject, limit = subjects[round_ % len(subjects)], rng.choice((1, 1, 2, 5, 20))
        if round_ % 7 == 6:
            setattr(filters, own, subject)
        since_sql, since_values = since_statement(name, filters, subject, limit)
        since = ro.sql(since_sql, params=since_values).fetchall()[0][0]
        whole_sql, whole_values = latest_statement(name, filters, subject, limit, None)
        from_day_sql, from_day_values = latest_statement(name, filters, subject, limit, since)
        whole = ro.sql(whole_sql, params=whole_values).pl()
        assert ro.sql(from_day_sql, params=from_day_values).pl().equals(whole), (filters, since)
        cut += since is not None
        first_day += since is not None and whole.height < limit
    assert cut >= 5 and first_day >= 1  # the day was found and read from, and so was a first day
    other = "initiative" if own == "official" else "official"
    assert since_statement(name, Filters(**{own: "someone else"}), subjects[0], 5) is None
    assert since_statement(name, Filters(**{other: "x-1"}), subjects[0], 5) is None


def test_an_initiatives_countries_are_those_of_its_engagements(ro):
    from dashboard.queries import filtered_sql

    (initiative,) = ro.execute("select initiative_id from initiatives order by engagement_count desc limit 1").fetchall()[0]
    sql = filtered_sql("initiative_countries", Filters())
    counts = {c: n for c, n, _ in ro.execute(sql, bind(sql, {"initiative_id": initiative})).fetchall()}
    expected = dict(ro.execute("""select ec.country_iso3, count(distinct ec.engagement_id) from engagement_countries ec
                                  join engagement_initiatives ei using (engagement_id) where ei.initiative_id = ?
                                  group by 1""", [initiative]).fetchall())
    assert counts == expected and len(counts) >= 2
