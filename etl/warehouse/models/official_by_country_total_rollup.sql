select country_iso3, official_id, seniority, kind, status, source_kinds, engagements
from store.official_by_country_total_rollup
