select official_id, seniority, date_trunc('month', start_date)::date as start_month,
       date_trunc('month', coalesce(end_date, start_date))::date as end_month,
       kind, status, source_kinds, sum(engagements)::bigint as engagements
from store.official_rollup
where {months:start_date}
group by all
