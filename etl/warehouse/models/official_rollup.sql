select official_id, seniority, start_date, end_date, kind, status, source_kinds, countries, engagements
from store.official_rollup
