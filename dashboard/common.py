"""What every page does first: check the warehouse, load filter options, draw the sidebar."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
import polars as pl
import streamlit as st

from dashboard import db, queries
from dashboard.filters import Filters, from_query_params, sidebar

GRAINS = {"Month": "month", "Quarter": "quarter", "Year": "year"}
DATE_COLUMNS = {name: st.column_config.DateColumn(name, format="YYYY-MM-DD")
                for name in ("start_date", "end_date", "first_seen", "last_seen", "published_at")}


# The sidebar offers the most engaged officials only: a warehouse of GDELT-scale data names hundreds of thousands,
# and every option is sent to the browser on every rerun. The URL can still name any other (`?official=`).
SIDEBAR_OFFICIALS = 2000


def filter_options() -> dict:
    """Choices for the sidebar filters, from the warehouse."""
    bounds = queries.plain("date_bounds").row(0)
    first, last = bounds if bounds[0] else (dt.date(1900, 1, 1), dt.date.today())
    officials = queries.plain("option_officials", limit=SIDEBAR_OFFICIALS)
    chosen = from_query_params(st.query_params).official
    if chosen and chosen not in set(officials["official_id"]):
        officials = pl.concat([officials.drop("engagement_count"), official_names([chosen])])
    initiatives = queries.plain("option_initiatives")
    return {
        "bounds": (first, last),
        "countries": _option_countries(),
        "country_names": country_names(),
        "source_kinds": queries.plain("option_source_kinds")["kind"].to_list(),
        "officials": {r["official_id"]: f"{r['name']} ({r['country_iso3'] or '?'})" for r in officials.iter_rows(named=True)},
        "initiatives": dict(zip(initiatives["initiative_id"], initiatives["name"])),
    }


def official_names(official_ids: list[str]) -> pl.DataFrame:
    """The names and countries of the officials given (official_id, name, country_iso3)."""
    return queries.plain("official_names", official_ids=sorted(official_ids))


def _option_countries() -> list[str]:
    try:
        return queries.plain("option_countries")["country_iso3"].to_list()
    except duckdb.CatalogException:  # a warehouse from before the monthly rollups, until its next refresh
        return queries.plain("option_countries_detail")["country_iso3"].to_list()


def page_setup(title: str, caption: str | None = None) -> Filters:
    """Title the page, stop with a hint when there is no warehouse, and return the sidebar filters."""
    st.title(title)
    if caption:
        st.caption(caption)
    db.require_warehouse()
    with st.spinner("Loading filters…"):
        options = filter_options()
    return sidebar(options)


def country_names() -> dict[str, str]:
    """Readable names by ISO3 code, from the warehouse's `countries` view (none before a warehouse has it)."""
    try:
        frame = queries.plain("country_names")
    except duckdb.CatalogException:
        return {}  # a warehouse from before the view, until its next refresh: codes are shown as they are
    return dict(zip(frame["country_iso3"], frame["country_name"]))


def country_labeller() -> Callable[[str], str]:
    """A choice's format_func giving 'India (IND)', reading the names once (a widget calls it for every option)."""
    names = country_names()
    return lambda iso3: f"{names.get(iso3, iso3)} ({iso3})"


def empty_notice(frame: pl.DataFrame, what: str = "engagements") -> bool:
    """Say so when the filters match nothing; True when the frame is empty."""
    if frame.is_empty():
        st.info(f"No {what} match these filters. Widen the date range or clear a filter in the sidebar.")
        return True
    return False
