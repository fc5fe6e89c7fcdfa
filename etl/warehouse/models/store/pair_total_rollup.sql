select country_a, country_b, kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.pair_month_rollup
group by all
