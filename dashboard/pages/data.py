"""Data: freshness per source, latest ETL runs, rejects with reasons, row counts, checks."""
import polars as pl
import streamlit as st

from dashboard import db
from etl.config import ConfigError, load_settings
from etl.warehouse.checks import run_checks
from etl.warehouse.status import freshness, last_checks, latest_runs, rejects_by_reason, view_counts

st.title("Data")
st.caption("What the warehouse holds, where it came from, and what could not be loaded.")
db.require_warehouse()
con = db.connection()
cursor = con.cursor()
try:
    st.caption(f"Warehouse: `{db.warehouse_path()}`")
    st.subheader("Freshness")
    try:
        stale_after = {s.kind: s.stale_after_days for s in load_settings().sources}
    except ConfigError:
        stale_after = {}
    fresh = freshness(cursor, stale_after)
    for item in fresh:
        if item.stale:
            days = stale_after.get(item.source_kind, 7)
            st.warning(f"{item.source_kind}: no successful load in the last {days:g} days (last: {item.last_success or 'never'}).")
    st.dataframe(pl.DataFrame([f.__dict__ for f in fresh]) if fresh else pl.DataFrame(), hide_index=True,
                 width="stretch")

    st.subheader("Rows per view")
    st.dataframe(pl.DataFrame(view_counts(cursor), schema=["view", "rows"], orient="row"), hide_index=True)

    st.subheader("Latest ETL runs")
    st.dataframe(pl.DataFrame(latest_runs(cursor, 25), orient="row",
                              schema=["run", "source", "status", "started", "finished", "in", "new", "merged",
                                      "rejected", "out of scope", "message"]), hide_index=True, width="stretch")

    st.subheader("Rejects")
    reasons = rejects_by_reason(cursor, 50)
    if reasons:
        st.dataframe(pl.DataFrame(reasons, schema=["source", "reason", "rejects"], orient="row"), hide_index=True,
                     width="stretch")
        sample = cursor.sql("select source_kind, locator, field, reason from rejects order by run_id desc limit 200").pl()
        st.dataframe(sample, hide_index=True, width="stretch")
    else:
        st.success("No rejected records.")

    st.subheader("Checks")
    recorded = last_checks(cursor)
    if recorded:  # a publish ran them: rerunning them here would read every row of the warehouse
        checks, checked_at = recorded
        st.caption(f"As checked by the last publish, {checked_at:%Y-%m-%d %H:%M} UTC.")
    else:  # a warehouse built without a publish (or before they were kept)
        checks = run_checks(cursor)
    st.dataframe(pl.DataFrame([c.__dict__ for c in checks]), hide_index=True, width="stretch")
    failed = [c for c in checks if not c.passed]
    (st.error if failed else st.success)(f"{len(checks) - len(failed)} of {len(checks)} checks pass.")
finally:
    cursor.close()
