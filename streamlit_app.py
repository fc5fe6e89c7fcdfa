"""Parley's dashboard: a router over the pages in dashboard/pages."""
import streamlit as st

st.set_page_config(page_title="Parley", layout="wide")  # no icons: Streamlit fetches icon favicons from a CDN, and Parley must work offline

PAGES = [
    st.Page("dashboard/pages/overview.py", title="Overview", default=True),
    st.Page("dashboard/pages/countries.py", title="Countries"),
    st.Page("dashboard/pages/officials.py", title="Officials"),
    st.Page("dashboard/pages/initiatives.py", title="Initiatives"),
    st.Page("dashboard/pages/engagements.py", title="Engagements"),
    st.Page("dashboard/pages/sql.py", title="SQL"),
    st.Page("dashboard/pages/data.py", title="Data"),
]

st.navigation(PAGES).run()
