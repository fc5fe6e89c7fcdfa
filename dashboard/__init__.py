"""Parley's Streamlit dashboard: pages read the warehouse views over a read-only connection."""
