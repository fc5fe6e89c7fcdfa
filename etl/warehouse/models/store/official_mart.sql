-- {officials:<column>}: where an update keeps only the officials it recomputes (etl/warehouse/marts.py).
with activity as (
    select p.official_id,
           min(e.start_date) as first_seen,
           max(coalesce(e.end_date, e.start_date)) as last_seen,
           count(distinct p.engagement_id) as engagement_count,
           min(p.seniority) as seniority
    from store.participant p
    join store.engagement e using (engagement_id)
    where {officials:p.official_id}
    group by p.official_id
), titles as (
    select p.official_id, p.title, count(*) as uses, max(e.start_date) as latest
    from store.participant p
    join store.engagement e using (engagement_id)
    where p.title is not null and {officials:p.official_id}
    group by all
), usual as (
    -- the commonest title; ties go to the most recent, then alphabetical, so reloads give the same answer
    select official_id, first(title order by uses desc, latest desc nulls last, title) as usual_title
    from titles
    group by official_id
), aliases as (
    select official_id, list(alias order by alias) as aliases
    from store.official_alias
    where {officials:official_id}
    group by official_id
)
select o.official_id, o.name, o.country_iso3, coalesce(a.aliases, []) as aliases,
       act.first_seen, act.last_seen, coalesce(act.engagement_count, 0) as engagement_count,
       u.usual_title, coalesce(act.seniority, 6) as seniority
from store.official o
left join activity act using (official_id)
left join usual u using (official_id)
left join aliases a using (official_id)
where {officials:o.official_id}
