select official_id, seniority, kind, status, source_kinds, engagements
from store.official_total_rollup
