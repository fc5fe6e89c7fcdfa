"""Initiatives: mentions over time, first and last seen, related countries and officials, engagements."""
import streamlit as st

from dashboard import charts, queries
from dashboard.common import DATE_COLUMNS, GRAINS, empty_notice, page_setup

filters = page_setup("Initiatives", "Named programmes, mechanisms and groupings, and when they come up.")

with st.spinner("Finding initiatives…"):
    table = queries.run("initiative_table", filters)
if empty_notice(table, "initiatives"):
    st.stop()

TOP_SERIES = 10
# One initiative's officials and engagements, the busiest and the latest first: a GDELT-scale warehouse has tens of
# thousands for the most mentioned.
OFFICIALS_LIMIT = 200
ENGAGEMENTS_LIMIT = 1000

st.subheader(f"Mentions over time (the {TOP_SERIES} most mentioned)")
grain = st.segmented_control("Grain", list(GRAINS), default="Year", key="initiatives_grain") or "Year"
st.plotly_chart(charts.lines(queries.run("initiative_mentions", filters, grain=GRAINS[grain], top=TOP_SERIES), "name"),
                width="stretch")

st.subheader("All initiatives")
st.dataframe(table.drop("initiative_id"), width="stretch", hide_index=True, column_config=DATE_COLUMNS)

st.subheader("One initiative")
names = dict(zip(table["initiative_id"], table["name"]))
default = filters.initiative if filters.initiative in names else table["initiative_id"][0]
initiative_id = st.selectbox("Initiative", list(names), index=list(names).index(default),
                             format_func=names.get, key="initiative_pick")
left, right = st.columns(2)
with left:
    st.markdown("**Countries**")
    st.dataframe(queries.run("initiative_countries", filters, initiative_id=initiative_id),
                 width="stretch", hide_index=True, column_config=DATE_COLUMNS)
with right:
    st.markdown("**Officials**")
    people = queries.run("initiative_officials", filters, initiative_id=initiative_id, limit=OFFICIALS_LIMIT)
    st.dataframe(people, width="stretch", hide_index=True, column_config=DATE_COLUMNS)
    if people.height == OFFICIALS_LIMIT:
        st.caption(f"The {OFFICIALS_LIMIT} officials with most engagements on it.")
st.markdown("**Engagements that discussed it**")
engagements = queries.latest("initiative_engagements", filters, initiative_id, ENGAGEMENTS_LIMIT)
st.dataframe(engagements.drop("engagement_id"), width="stretch", hide_index=True, column_config=DATE_COLUMNS)
if engagements.height == ENGAGEMENTS_LIMIT:
    st.caption(f"The latest {ENGAGEMENTS_LIMIT:,}; narrow the sidebar's dates to see earlier ones.")
