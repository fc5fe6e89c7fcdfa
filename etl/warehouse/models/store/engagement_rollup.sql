-- What a rollup counts (store.<rollup>_rows): one row per engagement (per country, pair, official or initiative of
-- it) with every key the dashboard's filters read. etl/warehouse/marts.py counts the rows by all their keys but the
-- engagement, in full or for the engagements of the days a load touched.
select engagement_id, start_date, end_date, kind, status, source_kinds, countries
from store.engagement_mart
