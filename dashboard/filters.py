"""The sidebar filters every page shares, kept in the URL so a view can be bookmarked and shared."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import streamlit as st

from dashboard.schema_doc import accepted_values

KINDS = accepted_values("engagements", "kind")
STATUSES = accepted_values("engagements", "status")

_LIST_PARAMS = ("country", "kind", "status", "source")
_SCALAR_PARAMS = ("start", "end", "pair", "official", "initiative")


@dataclass
class Filters:
    """The filter values; params() gives them as the named SQL parameters of the `filtered` query."""

    start: dt.date | None = None
    end: dt.date | None = None
    countries: list[str] = field(default_factory=list)
    pair: tuple[str, str] | None = None
    kinds: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    official: str | None = None
    initiative: str | None = None
    source_kinds: list[str] = field(default_factory=list)

    def params(self) -> dict[str, object]:
        """Named parameters for the filtered-engagements query."""
        return {
            "start": self.start, "end": self.end, "kinds": self.kinds, "statuses": self.statuses,
            "source_kinds": self.source_kinds, "countries": self.countries,
            "pair_a": self.pair[0] if self.pair else None, "pair_b": self.pair[1] if self.pair else None,
            "official": self.official, "initiative": self.initiative,
        }

    def active(self) -> list[str]:
        """The filters that are set, by the name of their condition (`where_<name>` in queries.sql)."""
        active = [f.name for f in fields(self) if getattr(self, f.name)]
        return ["country" if name == "countries" and len(self.countries) == 1 else name for name in active]

    def to_query_params(self) -> dict[str, str | list[str]]:
        """The filters as URL query parameters (empty ones left out)."""
        values: dict[str, str | list[str]] = {
            "start": self.start.isoformat() if self.start else "", "end": self.end.isoformat() if self.end else "",
            "country": self.countries, "kind": self.kinds, "status": self.statuses, "source": self.source_kinds,
            "pair": "-".join(self.pair) if self.pair else "", "official": self.official or "",
            "initiative": self.initiative or "",
        }
        return {k: v for k, v in values.items() if v}


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def from_query_params(params) -> Filters:
    """Filters from URL query parameters; values that do not parse are ignored."""
    pair = (params.get("pair") or "").split("-")
    return Filters(
        start=_date(params.get("start")), end=_date(params.get("end")),
        countries=params.get_all("country"), kinds=[k for k in params.get_all("kind") if k in KINDS],
        statuses=[s for s in params.get_all("status") if s in STATUSES], source_kinds=params.get_all("source"),
        pair=(pair[0], pair[1]) if len(pair) == 2 and all(pair) else None,
        official=params.get("official") or None, initiative=params.get("initiative") or None,
    )


def sidebar(options: dict) -> Filters:
    """Draw the shared filters in the sidebar and keep the URL in step with them."""
    url = from_query_params(st.query_params)
    bounds = options["bounds"]
    with st.sidebar:
        st.header("Filters")
        default_range = (url.start or bounds[0], url.end or bounds[1])
        picked = st.date_input("Date range", value=default_range, min_value=bounds[0], max_value=bounds[1],
                               key="f_dates", format="YYYY-MM-DD")
        start, end = (picked if isinstance(picked, tuple) and len(picked) == 2 else default_range)
        names = options.get("country_names", {})
        countries = st.multiselect("Countries", options["countries"], default=[c for c in url.countries if c in options["countries"]],
                                   format_func=lambda c: f"{names.get(c, c)} ({c})", key="f_countries")
        pair_choices = [""] + options["countries"]
        col_a, col_b = st.columns(2)
        pair_a = col_a.selectbox("Pair: country A", pair_choices, index=_index(pair_choices, url.pair[0] if url.pair else ""),
                                 format_func=lambda c: c or "any", key="f_pair_a")
        pair_b = col_b.selectbox("Pair: country B", pair_choices, index=_index(pair_choices, url.pair[1] if url.pair else ""),
                                 format_func=lambda c: c or "any", key="f_pair_b")
        kinds = st.multiselect("Kind", list(KINDS), default=url.kinds, key="f_kinds")
        statuses = st.multiselect("Status", list(STATUSES), default=url.statuses, key="f_statuses")
        officials = options["officials"]
        official_ids = [""] + list(officials)
        official = st.selectbox("Official", official_ids, index=_index(official_ids, url.official or ""),
                                format_func=lambda o: officials.get(o, "any"), key="f_official")
        initiatives = options["initiatives"]
        initiative_ids = [""] + list(initiatives)
        initiative = st.selectbox("Initiative", initiative_ids, index=_index(initiative_ids, url.initiative or ""),
                                  format_func=lambda i: initiatives.get(i, "any"), key="f_initiative")
        source_kinds = st.multiselect("Source kind", options["source_kinds"],
                                      default=[s for s in url.source_kinds if s in options["source_kinds"]], key="f_sources")
    filters = Filters(
        start=start if start != bounds[0] else None, end=end if end != bounds[1] else None,
        countries=countries, pair=(pair_a, pair_b) if pair_a and pair_b and pair_a != pair_b else None,
        kinds=kinds, statuses=statuses, official=official or None, initiative=initiative or None,
        source_kinds=source_kinds)
    wanted = filters.to_query_params()
    if {k: st.query_params.get_all(k) if k in _LIST_PARAMS else st.query_params.get(k) for k in wanted} != wanted \
            or set(st.query_params) - set(wanted):
        st.query_params.from_dict(wanted)
    return filters


def _index(choices: list[str], value: str) -> int:
    return choices.index(value) if value in choices else 0
