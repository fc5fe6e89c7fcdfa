select initiative_id, kind, status, source_kinds, min(first_start) as first_start, max(last_end) as last_end,
       sum(engagements)::bigint as engagements
from store.initiative_month_rollup
group by all
