select country_iso3, start_date, end_date, kind, status, source_kinds, countries, engagements from store.country_rollup
