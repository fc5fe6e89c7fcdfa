select country_iso3, date_trunc('month', start_date)::date as start_month,
       date_trunc('month', coalesce(end_date, start_date))::date as end_month,
       kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.country_rollup
where {months:start_date}
group by all
