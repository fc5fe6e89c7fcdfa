select official_id, seniority, kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.official_month_rollup
group by all
