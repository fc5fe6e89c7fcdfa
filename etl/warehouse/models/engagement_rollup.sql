select start_date, end_date, kind, status, source_kinds, countries, engagements from store.engagement_rollup
