"""SQL: ad-hoc read-only queries over the documented views, with a schema browser and examples."""
import polars as pl
import streamlit as st

from dashboard import db
from dashboard.schema_doc import view_reference
from etl.warehouse.safe_sql import UnsafeQuery, run_query

ROW_LIMIT = 5000
TIMEOUT_SECONDS = 10.0
EXAMPLES = {
    "Engagements per kind": "select kind, count(*) as engagements from engagements group by kind order by engagements desc",
    "Most active officials": "select name, country_iso3, usual_title, engagement_count from officials order by engagement_count desc limit 20",
    "Top country pairs": "select country_a, country_b, count(*) as engagements from country_pairs group by all order by engagements desc limit 20",
    "Initiatives and their evidence": "select i.name, e.start_date, ei.evidence from engagement_initiatives ei join initiatives i using (initiative_id) join engagements e using (engagement_id) order by e.start_date desc",
    "Visits to India by year": "select year(start_date) as year, count(*) as visits from engagements where kind = 'visit' and country_iso3 = 'IND' group by all order by year",
}

st.title("SQL")
st.caption(f"One read-only SELECT over the views below; at most {ROW_LIMIT:,} rows and {TIMEOUT_SECONDS:g} s. "
           "Writes, ATTACH, COPY, INSTALL/LOAD, PRAGMA/SET and reading files or URLs are refused.")
db.require_warehouse()

with st.sidebar:
    st.header("Views")
    for view, info in view_reference().items():
        with st.expander(view):
            st.caption(info["about"])
            st.dataframe(pl.DataFrame(info["columns"], schema=["column", "type", "meaning"], orient="row"),
                         hide_index=True, width="stretch")

example = st.selectbox("Examples", ["", *EXAMPLES], key="sql_example")
if example and st.session_state.get("sql_loaded_example") != example:
    st.session_state["sql_text"] = EXAMPLES[example]
    st.session_state["sql_loaded_example"] = example
sql = st.text_area("Query", key="sql_text", height=160, placeholder="select * from engagements limit 10")

if st.button("Run", type="primary", key="sql_run") and sql.strip():
    try:
        with st.spinner("Running…"):
            result = run_query(db.connection(), sql, row_limit=ROW_LIMIT, timeout=TIMEOUT_SECONDS)
    except UnsafeQuery as exc:
        st.error(f"Refused: {exc}")
    except Exception as exc:  # noqa: BLE001 - DuckDB's own message is what the user needs
        st.error(f"Query failed: {exc}")
    else:
        frame = pl.DataFrame(result.rows, schema=result.columns, orient="row") if result.rows else pl.DataFrame(
            schema=result.columns)
        st.caption(f"{frame.height:,} rows" + (f" (cut at {ROW_LIMIT:,})" if result.truncated else ""))
        st.dataframe(frame, width="stretch", hide_index=True)
        flat = frame.with_columns([pl.col(c).cast(pl.String) for c, t in frame.schema.items() if t.is_nested()])
        st.download_button("Download CSV", flat.write_csv(), "query.csv", "text/csv")
