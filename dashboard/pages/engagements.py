"""Engagements: a searchable table under every filter, one engagement's evidence, CSV and Parquet downloads."""
import io

import streamlit as st

from dashboard import queries
from dashboard.common import DATE_COLUMNS, empty_notice, page_setup

ROW_LIMIT = 5000

filters = page_setup("Engagements", "Every engagement, its participants and the sentences that prove it.")

search = st.text_input("Search titles, places, descriptions and names", key="explorer_search").strip() or None
with st.spinner("Searching…"):
    rows = (queries.run("explorer_search", filters, search=search, limit=ROW_LIMIT) if search
            else queries.run("explorer", filters, limit=ROW_LIMIT))
if empty_notice(rows):
    st.stop()

st.caption(f"{rows.height:,} engagements" + (f" (the first {ROW_LIMIT:,})" if rows.height == ROW_LIMIT else ""))
st.dataframe(rows.drop("engagement_id"), width="stretch", hide_index=True, column_config=DATE_COLUMNS)

csv_col, parquet_col = st.columns(2)
export = rows.with_columns(rows["source_kinds"].list.join(", "))
csv_col.download_button("Download CSV", export.write_csv(), "engagements.csv", "text/csv")
buffer = io.BytesIO()
rows.write_parquet(buffer)
parquet_col.download_button("Download Parquet", buffer.getvalue(), "engagements.parquet", "application/octet-stream")

st.subheader("Details")
labels = {r["engagement_id"]: f"{r['start_date']} · {r['kind']} · {r['title']}" for r in rows.head(500).iter_rows(named=True)}
engagement_id = st.selectbox("Engagement", list(labels), format_func=labels.get, key="detail")
detail = queries.plain("engagement_detail", engagement_id=engagement_id).row(0, named=True)
cols = st.columns(4)
cols[0].metric("Kind", f"{detail['kind']} ({detail['status']})")
cols[1].metric("Dates", f"{detail['start_date']} – {detail['end_date']}" if detail["end_date"] != detail["start_date"] else str(detail["start_date"]))
cols[2].metric("Place", ", ".join(p for p in (detail["city"], detail["country_iso3"]) if p) or "—")
cols[3].metric("Sources", detail["source_count"])
parent = queries.plain("engagement_parent", engagement_id=engagement_id)
if not parent.is_empty():
    trip = parent.row(0, named=True)
    st.markdown(f"**During the visit:** {trip['title']} ({trip['start_date']} – {trip['end_date']})")
programme = queries.plain("visit_programme", engagement_id=engagement_id)
if not programme.is_empty():
    st.markdown(f"**Held during this visit** ({programme.height})")
    st.dataframe(programme.drop("engagement_id"), width="stretch", hide_index=True, column_config=DATE_COLUMNS)
st.markdown("**Participants**")
st.dataframe(queries.plain("engagement_participants", engagement_id=engagement_id), width="stretch", hide_index=True, column_config=DATE_COLUMNS)
parties = queries.plain("engagement_party_rows", engagement_id=engagement_id)
if not parties.is_empty():
    st.markdown("**Countries taking part without a named person** (machine-coded actors)")
    st.dataframe(parties, width="stretch", hide_index=True)
initiatives = queries.plain("engagement_initiative_names", engagement_id=engagement_id)
topics = queries.plain("engagement_topic_names", engagement_id=engagement_id)
if not initiatives.is_empty():
    st.markdown("**Initiatives:** " + ", ".join(initiatives["name"]))
if not topics.is_empty():
    st.markdown("**Topics:** " + ", ".join(topics["topic"]))
if detail["description"]:
    st.markdown("**Source text**")
    st.text(detail["description"])
coded = queries.plain("engagement_coded_events", engagement_id=engagement_id)
if not coded.is_empty():
    st.markdown(f"**How GDELT / ICEWS coded it** ({coded.height} rows; CAMEO codes, Goldstein −10..10)")
    st.dataframe(coded, width="stretch", hide_index=True, column_config={"uri": st.column_config.LinkColumn("report")})
st.markdown("**Sources and evidence**")
evidence = queries.plain("engagement_evidence", engagement_id=engagement_id)
st.dataframe(evidence, width="stretch", hide_index=True,
             column_config={"uri": st.column_config.LinkColumn("link")})
