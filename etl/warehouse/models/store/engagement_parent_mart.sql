-- A held meeting, call, dialogue or summit during a held visit by one of its participants belongs to that visit:
-- its day falls within the visit's days and, where both places are known, in the visited country. Of several such
-- visits the one in the same country, then the shortest, then the earliest wins (then the id, so reloads agree).
-- {engagements:<column>}: where an update keeps only the engagements it recomputes (etl/warehouse/marts.py).
with visits as (
    select e.engagement_id as visit_id, e.start_date, coalesce(e.end_date, e.start_date) as end_date,
           e.country_iso3, p.official_id
    from store.engagement e
    join store.participant p using (engagement_id)
    where e.kind = 'visit' and e.status = 'held' and e.start_date is not null and e.date_precision = 'day'
), candidates as (
    select distinct e.engagement_id, v.visit_id, v.start_date, v.end_date - v.start_date as days,
           coalesce(e.country_iso3 = v.country_iso3, false) as same_country
    from store.engagement e
    join store.participant p using (engagement_id)
    join visits v on v.official_id = p.official_id
        and e.start_date between v.start_date and v.end_date
        and (e.country_iso3 is null or v.country_iso3 is null or e.country_iso3 = v.country_iso3)
    where e.kind in ('meeting', 'call', 'dialogue', 'summit') and e.status = 'held' and e.date_precision = 'day'
      and {engagements:e.engagement_id}
)
select engagement_id,
       arg_min(visit_id, (not same_country, days, start_date, visit_id)) as parent_engagement_id
from candidates
group by engagement_id
