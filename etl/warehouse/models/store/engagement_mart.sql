-- {engagements:<column>}: where an update keeps only the engagements it recomputes (etl/warehouse/marts.py).
with per_engagement as (
    select es.engagement_id, count(*) as source_count, list(distinct s.kind order by s.kind) as source_kinds
    from store.engagement_source es
    join store.source s using (source_id)
    where {engagements:es.engagement_id}
    group by es.engagement_id
), involved as (
    select engagement_id, list(country_iso3 order by country_iso3) as countries
    from store.engagement_country_mart
    where {engagements:engagement_id}
    group by engagement_id
)
select e.engagement_id, e.kind, e.status, e.start_date, coalesce(e.end_date, e.start_date) as end_date,
       e.date_precision, e.city, e.country_iso3, e.title, e.confidence,
       coalesce(p.source_count, 0) as source_count, coalesce(p.source_kinds, []) as source_kinds, e.description,
       coalesce(i.countries, []) as countries,
       null::varchar as parent_engagement_id  -- the visit it belongs to: copied from engagement_parent_mart
from store.engagement e
left join per_engagement p using (engagement_id)
left join involved i using (engagement_id)
where {engagements:e.engagement_id}
