"""Parley's dashboard: a router over the pages in dashboard/pages."""
import streamlit as st

st.set_page_config(page_title="Parley", page_icon="🤝", layout="wide")

PAGES = [
    st.Page("dashboard/pages/overview.py", title="Overview", icon="📈", default=True),
    st.Page("dashboard/pages/countries.py", title="Countries", icon="🌍"),
    st.Page("dashboard/pages/officials.py", title="Officials", icon="🧑‍💼"),
    st.Page("dashboard/pages/initiatives.py", title="Initiatives", icon="🧭"),
    st.Page("dashboard/pages/engagements.py", title="Engagements", icon="🔎"),
    st.Page("dashboard/pages/sql.py", title="SQL", icon="🧮"),
    st.Page("dashboard/pages/data.py", title="Data", icon="🗄️"),
]

st.navigation(PAGES).run()
