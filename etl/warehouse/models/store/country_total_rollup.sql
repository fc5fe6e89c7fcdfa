select country_iso3, kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.country_month_rollup
group by all
