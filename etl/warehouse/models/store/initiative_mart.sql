with activity as (
    select ei.initiative_id,
           min(e.start_date) as first_seen,
           max(coalesce(e.end_date, e.start_date)) as last_seen,
           count(distinct ei.engagement_id) as engagement_count
    from store.engagement_initiative ei
    join store.engagement e using (engagement_id)
    group by ei.initiative_id
), aliases as (
    select initiative_id, list(alias order by alias) as aliases
    from store.initiative_alias
    group by initiative_id
)
select i.initiative_id, i.name, i.acronym, coalesce(a.aliases, []) as aliases,
       act.first_seen, act.last_seen, coalesce(act.engagement_count, 0) as engagement_count
from store.initiative i
left join activity act using (initiative_id)
left join aliases a using (initiative_id)
