"""Overview: KPIs against the previous period, engagement frequency by kind, latest engagements."""
import datetime as dt

import streamlit as st

from dashboard import charts, queries
from dashboard.common import DATE_COLUMNS, GRAINS, empty_notice, page_setup

filters = page_setup("Overview", "How often countries engage, at what level, and what happened last.")
options_bounds = queries.plain("date_bounds").row(0)
start = filters.start or options_bounds[0]
end = filters.end or options_bounds[1]

with st.spinner("Counting engagements…"):
    now = queries.run("kpis", filters).row(0, named=True)
    span = (end - start) if start and end else dt.timedelta(0)
    previous_filters = type(filters)(**{**filters.__dict__, "start": start - span - dt.timedelta(days=1),
                                        "end": start - dt.timedelta(days=1)}) if start else filters
    before = queries.run("kpis", previous_filters).row(0, named=True)

columns = st.columns(4)
for column, (key, label) in zip(columns, [("engagements", "Engagements"), ("countries", "Countries"),
                                         ("officials", "Officials"), ("initiatives", "Initiatives")]):
    column.metric(label, f"{now[key]:,}", delta=f"{now[key] - before[key]:+,}", help="Change against the previous period of the same length")

st.subheader("Engagement frequency")
grain = st.segmented_control("Grain", list(GRAINS), default="Year", key="overview_grain") or "Year"
frequency = queries.run("frequency", filters, grain=GRAINS[grain])
if not empty_notice(frequency):
    st.plotly_chart(charts.frequency(frequency), width="stretch")

st.subheader("Latest engagements")
latest = queries.run("latest", filters, limit=25)
if not empty_notice(latest):
    st.dataframe(latest.drop("engagement_id"), width="stretch", hide_index=True, column_config=DATE_COLUMNS)
