-- first_start and last_end keep the days an initiative was first and last seen, which a month alone loses
select initiative_id, date_trunc('month', start_date)::date as start_month,
       date_trunc('month', coalesce(end_date, start_date))::date as end_month,
       kind, status, source_kinds, min(start_date) as first_start, max(end_date) as last_end,
       sum(engagements)::bigint as engagements
from store.initiative_rollup
where {months:start_date}
group by all
