"""Countries: pair heatmap, world map, a country's partners, countries compared over time."""
import streamlit as st

from dashboard import charts, queries
from dashboard.common import GRAINS, country_labeller, empty_notice, page_setup

filters = page_setup("Countries", "Which countries engage, and with whom.")
country_label = country_labeller()

with st.spinner("Counting countries…"):
    counts = queries.run("country_counts", filters)
if empty_notice(counts):
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader("Engagements by country")
    st.plotly_chart(charts.world_map(counts), width="stretch", config=charts.MAP_CONFIG)
with right:
    st.subheader("Most engaged pairs")
    pairs = queries.run("pair_counts", filters, limit=400)
    if not empty_notice(pairs, "country pairs"):
        top = set(counts["country_iso3"].head(25))
        st.plotly_chart(charts.pair_heatmap(pairs.filter(pairs["country_a"].is_in(top) & pairs["country_b"].is_in(top))),
                        width="stretch")

st.subheader("A country's partners")
choices = counts["country_iso3"].to_list()
country = st.selectbox("Country", choices, format_func=country_label, key="partner_country")
partners = queries.run("partners", filters, country=country, limit=20)
if not empty_notice(partners, "partners"):
    st.plotly_chart(charts.ranked_bars(partners, "partner_name"), width="stretch")
    st.subheader("The same partners, by source")
    st.caption("How many engagements each source kind reports for each partner: what the machine coders (GDELT, "
               "ICEWS) see next to the Office of the Historian, curated tables and articles.")
    by_source = queries.run("partners_by_source", filters, country=country, limit=12)
    if not empty_notice(by_source, "partners"):
        st.plotly_chart(charts.grouped_bars(by_source, "partner_name", "source_kind"), width="stretch")

st.subheader("Compare countries over time")
compare = st.multiselect("Up to five countries", choices, default=choices[:3], max_selections=5,
                         format_func=country_label, key="compare_countries")
grain = st.segmented_control("Grain", list(GRAINS), default="Year", key="countries_grain") or "Year"
if compare:
    series = queries.run("countries_over_time", filters, compare=compare, grain=GRAINS[grain])
    if not empty_notice(series):
        st.plotly_chart(charts.lines(series, "country_iso3"), width="stretch")
