-- engagement_rollup by start and end month, without the countries: what a page with no country filter reads
select date_trunc('month', start_date)::date as start_month,
       date_trunc('month', coalesce(end_date, start_date))::date as end_month,
       kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.engagement_rollup
where {months:start_date}
group by all
