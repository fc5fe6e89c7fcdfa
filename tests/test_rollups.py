"""The rollups answer every page query they serve exactly as the detail rows do, on random filters over the
fixture warehouse (the bundled sources, loaded as `parley refresh` loads them)."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from dashboard.filters import Filters
from dashboard.queries import ROLLUPS, filtered_sql, rolled_sql, uses_rollups
from etl.records import KINDS, STATUSES

# Each query's own parameters (the page's choices beside the sidebar's).
_PARAMS = {"kpis": {}, "frequency": {"grain": "month"}, "country_counts": {}, "pair_counts": {"limit": 50},
           "countries_over_time": {"grain": "year", "compare": ["USA", "IND", "CHN"]}, "partners": {"limit": 20}, "partners_by_source": {"limit": 12},
           "top_officials": {"limit": 25, "max_seniority": 3}, "initiative_mentions": {"grain": "year", "top": 8},
           "initiative_table": {}}


def _random_filters(rng: random.Random, days: list[dt.date], countries: list[str], source_kinds: list[str]) -> Filters:
    # bounds on days engagements start or end on, where an off-by-one in a date condition shows
    start = rng.choice(days) if rng.random() < 0.6 else None
    end = rng.choice([d for d in days if start is None or d >= start]) if rng.random() < 0.5 else None
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
    for _ in range(30):
        filters = _random_filters(rng, days, countries, source_kinds)
        assert uses_rollups(name, filters)
        params = {**filters.params(), **_PARAMS[name]}
        if name.startswith("partners"):
            params["country"] = rng.choice(countries[:5])
        detail = ro.sql(filtered_sql(name), params=params).pl()
        rolled = ro.sql(rolled_sql(name), params=params).pl()
        assert rolled.equals(detail), (name, filters, detail.head(5), rolled.head(5))


def test_rollups_are_not_used_for_filters_they_cannot_answer():
    assert not uses_rollups("kpis", Filters(official="o-1"))
    assert not uses_rollups("frequency", Filters(initiative="i-1"))
    assert not uses_rollups("latest", Filters())
    assert uses_rollups("pair_counts", Filters(countries=["USA", "IND"], pair=("CHN", "RUS")))


def test_the_data_pages_counts_read_small_tables_and_equal_the_views(ro):
    from etl.warehouse.status import view_counts

    for view, rows in view_counts(ro):
        assert rows == ro.execute(f"select count(*) from {view}").fetchone()[0], view  # names from status.sql
