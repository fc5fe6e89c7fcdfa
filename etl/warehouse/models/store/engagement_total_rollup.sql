-- engagement_month_rollup over all time: what a page reads when no date, country or pair is chosen
select kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.engagement_month_rollup
group by all
