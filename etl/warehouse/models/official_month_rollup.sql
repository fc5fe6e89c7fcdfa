select official_id, seniority, start_month, end_month, kind, status, source_kinds, engagements
from store.official_month_rollup
