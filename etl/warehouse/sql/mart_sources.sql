-- How each derived table is computed: one view per table (store.<table>_source). etl/warehouse/marts.py builds
-- the tables from these views in full, or only for the engagements a load touched.

create or replace view store.engagement_country_mart_source as
select distinct engagement_id, country_iso3
from (
    select engagement_id, country_iso3 from store.engagement where country_iso3 is not null
    union all
    select p.engagement_id, coalesce(p.country_iso3, o.country_iso3)
    from store.participant p join store.official o using (official_id)
    where coalesce(p.country_iso3, o.country_iso3) is not null
    union all
    select engagement_id, country_iso3 from store.engagement_party
);

create or replace view store.engagement_mart_source as
with per_engagement as (
    select es.engagement_id, count(*) as source_count, list(distinct s.kind order by s.kind) as source_kinds
    from store.engagement_source es
    join store.source s using (source_id)
    group by es.engagement_id
), involved as (
    select engagement_id, list(country_iso3 order by country_iso3) as countries
    from store.engagement_country_mart_source
    group by engagement_id
)
select e.engagement_id, e.kind, e.status, e.start_date, coalesce(e.end_date, e.start_date) as end_date,
       e.date_precision, e.city, e.country_iso3, e.title, e.confidence,
       coalesce(p.source_count, 0) as source_count, coalesce(p.source_kinds, []) as source_kinds, e.description,
       coalesce(i.countries, []) as countries
from store.engagement e
left join per_engagement p using (engagement_id)
left join involved i using (engagement_id);

create or replace view store.country_pair_mart_source as
select a.engagement_id, a.country_iso3 as country_a, b.country_iso3 as country_b, e.start_date
from store.engagement_country_mart_source a
join store.engagement_country_mart_source b on a.engagement_id = b.engagement_id and a.country_iso3 < b.country_iso3
join store.engagement e on e.engagement_id = a.engagement_id;

create or replace view store.official_mart_source as
with activity as (
    select p.official_id,
           min(e.start_date) as first_seen,
           max(coalesce(e.end_date, e.start_date)) as last_seen,
           count(distinct p.engagement_id) as engagement_count,
           min(p.seniority) as seniority
    from store.participant p
    join store.engagement e using (engagement_id)
    group by p.official_id
), titles as (
    select p.official_id, p.title, count(*) as uses, max(e.start_date) as latest
    from store.participant p
    join store.engagement e using (engagement_id)
    where p.title is not null
    group by all
), usual as (
    -- the commonest title; ties go to the most recent, then alphabetical, so reloads give the same answer
    select official_id, first(title order by uses desc, latest desc nulls last, title) as usual_title
    from titles
    group by official_id
), aliases as (
    select official_id, list(alias order by alias) as aliases
    from store.official_alias
    group by official_id
)
select o.official_id, o.name, o.country_iso3, coalesce(a.aliases, []) as aliases,
       act.first_seen, act.last_seen, coalesce(act.engagement_count, 0) as engagement_count,
       u.usual_title, coalesce(act.seniority, 6) as seniority
from store.official o
left join activity act using (official_id)
left join usual u using (official_id)
left join aliases a using (official_id);

create or replace view store.initiative_mart_source as
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
left join aliases a using (initiative_id);

-- Who met whom: one row per pair of officials in a non-visit engagement (a < b), for the network and counterparts.
create or replace view store.encounter_mart_source as
select a.engagement_id, a.official_id as official_a, b.official_id as official_b
from store.participant a
join store.participant b on a.engagement_id = b.engagement_id and a.official_id < b.official_id
join store.engagement e on e.engagement_id = a.engagement_id and e.kind <> 'visit';

-- A held meeting, call, dialogue or summit during a held visit by one of its participants belongs to that visit:
-- its day falls within the visit's days and, where both places are known, in the visited country. Of several such
-- visits the one in the same country, then the shortest, then the earliest wins (then the id, so reloads agree).
create or replace view store.engagement_parent_mart_source as
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
)
select engagement_id,
       arg_min(visit_id, (not same_country, days, start_date, visit_id)) as parent_engagement_id
from candidates
group by engagement_id;

