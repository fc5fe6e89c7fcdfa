"""Officials: the most active, one official's profile, and the who-met-whom network."""
import streamlit as st

from dashboard import charts, queries
from dashboard.common import DATE_COLUMNS, empty_notice, official_names, page_setup

SENIORITY = {"Any level": None, "Heads of state/government": 1, "…and deputies": 2, "…and foreign ministers": 3,
             "…and ministers": 4, "…and senior officials": 5}

PROFILE_QUERIES = {"Timeline": "official_timeline", "Counterparts": "official_counterparts",
                   "Initiatives": "official_initiatives", "Sources": "official_sources"}
# The latest engagements only: the busiest official of a million-engagement warehouse has tens of thousands.
TIMELINE_LIMIT = 1000

filters = page_setup("Officials", "Who is most active, with whom, and on what.")

level = st.selectbox("Seniority", list(SENIORITY), key="officials_level")
with st.spinner("Ranking officials…"):
    top = queries.run("top_officials", filters, max_seniority=SENIORITY[level], limit=30)
if empty_notice(top, "officials"):
    st.stop()

st.subheader("Most active officials")
top = top.with_columns((top["name"] + " (" + top["country_iso3"].fill_null("?") + ")").alias("official"))
st.plotly_chart(charts.ranked_bars(top, "official"), width="stretch")

st.subheader("Profile")
names = dict(zip(top["official_id"], top["official"]))
default = filters.official if filters.official in names else top["official_id"][0]
ids = list(names) if default in names else [default, *names]
official_id = st.selectbox("Official", ids, index=ids.index(default), format_func=lambda o: names.get(o, o), key="profile")
profile = queries.plain("official_profile", official_id=official_id)
if not profile.is_empty():
    row = profile.row(0, named=True)
    cols = st.columns(4)
    cols[0].metric("Engagements", row["engagement_count"])
    cols[1].metric("First seen", str(row["first_seen"]))
    cols[2].metric("Last seen", str(row["last_seen"]))
    cols[3].metric("Usual title", row["usual_title"] or "—")
    st.caption("Also written as: " + ", ".join(row["aliases"]))
    # One section at a time: each is its own query, and a million-engagement warehouse makes them add up.
    section = st.segmented_control("Show", list(PROFILE_QUERIES),
                                   default="Timeline", key="profile_section") or "Timeline"
    if section == "Timeline":
        frame = queries.latest("official_timeline", filters, official_id, TIMELINE_LIMIT)
    else:
        frame = queries.run(PROFILE_QUERIES[section], filters, official_id=official_id)
    if section == "Timeline" and frame.height == TIMELINE_LIMIT:
        st.caption(f"The latest {TIMELINE_LIMIT:,} engagements; narrow the sidebar's dates to see earlier ones.")
    st.dataframe(frame.drop("engagement_id") if "engagement_id" in frame.columns else frame, width="stretch",
                 hide_index=True, column_config={**DATE_COLUMNS, "uri": st.column_config.LinkColumn("link")})

st.subheader("Who met whom")
edges = queries.run("network_edges", filters, limit=80)
if not empty_notice(edges, "meetings between named officials"):
    people = official_names(list(set(edges["source"]) | set(edges["target"])))
    st.plotly_chart(charts.network(edges, dict(zip(people["official_id"], people["name"]))), width="stretch")
