"""Parley ETL: load foreign-policy engagement records into one DuckDB warehouse."""
