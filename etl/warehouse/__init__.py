"""The DuckDB warehouse: schema, views, writes, checks and publishing."""
