"""Parley's dashboard: a router over the pages in dashboard/pages."""
import streamlit as st

st.set_page_config(page_title="Parley", page_icon=":material/handshake:", layout="wide")

PAGES = [
    st.Page("dashboard/pages/overview.py", title="Overview", icon=":material/insights:", default=True),
    st.Page("dashboard/pages/countries.py", title="Countries", icon=":material/public:"),
    st.Page("dashboard/pages/officials.py", title="Officials", icon=":material/badge:"),
    st.Page("dashboard/pages/initiatives.py", title="Initiatives", icon=":material/flag:"),
    st.Page("dashboard/pages/engagements.py", title="Engagements", icon=":material/search:"),
    st.Page("dashboard/pages/sql.py", title="SQL", icon=":material/terminal:"),
    st.Page("dashboard/pages/data.py", title="Data", icon=":material/database:"),
]

st.navigation(PAGES).run()
