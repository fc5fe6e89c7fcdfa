-- Dashboard queries. Every one starts from the filtered engagements `f` (FILTERED in dashboard/queries.py),
-- so the sidebar filters apply everywhere. Parameters are named ($start, $countries, ...); nothing is formatted in.

-- name: filtered
-- The engagements the sidebar keeps: dashboard/queries.py puts the condition of each filter that is set (the
-- where_* sections below) after `where`. Leaving out the unset ones matters: DuckDB plans a subquery written
-- "$x is null or …" even when $x is null, a scan of every engagement's countries for no country chosen.
select e.*
from engagements e

-- name: where_start
coalesce(e.end_date, e.start_date) >= $start::date

-- name: where_end
e.start_date <= $end::date

-- name: where_kinds
list_contains($kinds::varchar[], e.kind)

-- name: where_statuses
list_contains($statuses::varchar[], e.status)

-- name: where_source_kinds
len(list_intersect(e.source_kinds, $source_kinds::varchar[])) > 0

-- name: where_countries
-- `countries` lists every country of engagement_countries: a test of each engagement's list, not a join of 3 rows
-- an engagement
list_has_any(e.countries, $countries::varchar[])

-- name: where_country
-- one country chosen: three times the speed of list_has_any
list_contains(e.countries, ($countries::varchar[])[1])

-- name: where_pair
list_contains(e.countries, $pair_a) and list_contains(e.countries, $pair_b)

-- name: where_since
-- not a sidebar filter: the day an official's or initiative's latest engagements begin on (dashboard/queries.py:
-- latest)
e.start_date >= $since::date

-- name: where_official
e.engagement_id in (select engagement_id from participants where official_id = $official)

-- name: where_initiative
e.engagement_id in (select engagement_id from engagement_initiatives where initiative_id = $initiative)

-- name: kpis
select count(*) as engagements,
       (select count(distinct country_iso3) from engagement_countries ec where ec.engagement_id in (select engagement_id from f)) as countries,
       (select count(distinct official_id) from participants p where p.engagement_id in (select engagement_id from f)) as officials,
       (select count(distinct initiative_id) from engagement_initiatives ei where ei.engagement_id in (select engagement_id from f)) as initiatives
from f

-- name: frequency
select date_trunc($grain, start_date)::date as period, kind, count(*) as engagements
from f
where start_date is not null
group by all
order by period, kind

-- name: latest
select start_date, end_date, kind, status, title, city, country_iso3, source_count, engagement_id
from f
order by start_date desc nulls last, engagement_id
limit $limit

-- name: date_bounds
select min(start_date) as first, max(coalesce(end_date, start_date)) as last from engagements

-- name: country_counts
select ec.country_iso3, ec.country_name, count(*) as engagements
from engagement_countries ec
where ec.engagement_id in (select engagement_id from f)
group by all
order by engagements desc, ec.country_iso3

-- name: pair_counts
select country_a, country_b, count(*) as engagements
from country_pairs cp
where cp.engagement_id in (select engagement_id from f)
group by all
order by engagements desc, country_a, country_b
limit $limit

-- name: partners
select case when country_a = $country then country_b else country_a end as partner,
       case when country_a = $country then country_b_name else country_a_name end as partner_name,
       count(*) as engagements
from country_pairs cp
where cp.engagement_id in (select engagement_id from f) and $country in (country_a, country_b)
group by all
order by engagements desc, partner
limit $limit

-- name: partners_by_source
-- The top partners again, counted by each source kind that reports the engagement: sources side by side.
with mine as (
    select cp.engagement_id, case when cp.country_a = $country then cp.country_b else cp.country_a end as partner,
           case when cp.country_a = $country then cp.country_b_name else cp.country_a_name end as partner_name
    from country_pairs cp
    where $country in (cp.country_a, cp.country_b) and cp.engagement_id in (select engagement_id from f)
), top as (
    select partner from mine group by partner order by count(*) desc, partner limit $limit
), reported as (
    select m.partner, m.partner_name, unnest(e.source_kinds) as source_kind
    from mine m join engagements e using (engagement_id)
    where m.partner in (select partner from top)
)
select partner, partner_name, source_kind, count(*) as engagements
from reported
group by all
order by partner, source_kind

-- name: countries_over_time
select date_trunc($grain, f.start_date)::date as period, ec.country_iso3, count(*) as engagements
from f join engagement_countries ec using (engagement_id)
where list_contains($compare::varchar[], ec.country_iso3) and f.start_date is not null
group by all
order by period, ec.country_iso3

-- name: top_officials
select c.official_id, o.name, o.country_iso3, o.usual_title, c.seniority, c.engagements
from (
    select p.official_id, min(p.seniority) as seniority, count(distinct p.engagement_id) as engagements
    from participants p
    where p.engagement_id in (select engagement_id from f)
      and ($max_seniority is null or p.seniority <= $max_seniority)
    group by p.official_id
    order by engagements desc, p.official_id
    limit $limit
) c
join officials o using (official_id)
order by c.engagements desc, o.name

-- name: official_profile
select official_id, name, country_iso3, aliases, first_seen, last_seen, engagement_count, usual_title, seniority
from officials
where official_id = $official_id

-- name: official_timeline
select f.start_date, f.end_date, f.kind, f.status, f.title, f.city, f.country_iso3, p.title as title_then, p.role,
       f.engagement_id
from f join participants p using (engagement_id)
where p.official_id = $official_id
order by f.start_date desc nulls last, f.engagement_id
limit $limit

-- name: official_counterparts
select o.official_id, o.name, o.country_iso3, count(distinct f.engagement_id) as engagements
from f
join participants me on me.engagement_id = f.engagement_id and me.official_id = $official_id
join participants other on other.engagement_id = f.engagement_id and other.official_id <> $official_id
join officials o on o.official_id = other.official_id
group by all
order by engagements desc, o.name, o.official_id
limit 50

-- name: official_initiatives
select ei.name, count(distinct f.engagement_id) as engagements
from f
join participants p on p.engagement_id = f.engagement_id and p.official_id = $official_id
join engagement_initiatives ei on ei.engagement_id = f.engagement_id
group by all
order by engagements desc, ei.name

-- name: official_sources
select es.source_kind as kind, es.title, es.uri, es.locator
from f
join participants p on p.engagement_id = f.engagement_id and p.official_id = $official_id
join engagement_sources es on es.engagement_id = f.engagement_id
order by es.source_kind, es.locator
limit 200

-- name: network_edges
select official_a as source, official_b as target, count(*) as weight
from encounters
where engagement_id in (select engagement_id from f)
group by all
order by weight desc, source, target
limit $limit

-- name: initiative_mentions
with mentions as (
    select ei.initiative_id, ei.name, f.start_date, f.engagement_id
    from f join engagement_initiatives ei using (engagement_id)
    where f.start_date is not null
), top as (
    select initiative_id from mentions group by all order by count(distinct engagement_id) desc, initiative_id limit $top
)
select date_trunc($grain, m.start_date)::date as period, m.name, count(distinct m.engagement_id) as engagements
from mentions m
join top using (initiative_id)
group by all
order by period, m.name

-- name: initiative_table
select i.initiative_id, i.name, i.acronym, min(f.start_date) as first_seen, max(f.end_date) as last_seen,
       count(distinct f.engagement_id) as engagements, i.aliases
from f
join engagement_initiatives ei using (engagement_id)
join initiatives i using (initiative_id)
group by all
order by engagements desc, i.name

-- name: initiative_countries
-- each engagement's list of countries, as engagement_countries has them, without a join of every engagement's
with involved as (
    select unnest(f.countries) as country_iso3
    from f
    where f.engagement_id in (select engagement_id from engagement_initiatives where initiative_id = $initiative_id)
)
select i.country_iso3, count(*) as engagements, c.country_name as country
from involved i
left join countries c using (country_iso3)
group by all
order by engagements desc, i.country_iso3

-- name: initiative_officials
select o.name, o.country_iso3, count(distinct f.engagement_id) as engagements
from f
join engagement_initiatives ei on ei.engagement_id = f.engagement_id and ei.initiative_id = $initiative_id
join participants p on p.engagement_id = f.engagement_id
join officials o on o.official_id = p.official_id
group by o.official_id, o.name, o.country_iso3
order by engagements desc, o.name, o.country_iso3, o.official_id
limit $limit

-- name: initiative_engagements
select f.start_date, f.kind, f.status, f.title, ei.evidence, f.engagement_id
from f
join engagement_initiatives ei on ei.engagement_id = f.engagement_id and ei.initiative_id = $initiative_id
order by f.start_date desc nulls last, f.engagement_id
limit $limit

-- name: explorer
select f.start_date, f.end_date, f.kind, f.status, f.title, f.city, f.country_iso3, f.source_count,
       f.source_kinds, f.confidence, f.engagement_id
from f
order by f.start_date desc nulls last, f.engagement_id
limit $limit

-- name: explorer_search
-- explorer, of the engagements whose title, place, description or a participant's name holds the search text (a
-- query of its own: DuckDB would scan every participant's name for the subquery even with no search)
select f.start_date, f.end_date, f.kind, f.status, f.title, f.city, f.country_iso3, f.source_count,
       f.source_kinds, f.confidence, f.engagement_id
from f
where f.title ilike '%' || $search || '%'
   or f.city ilike '%' || $search || '%'
   or f.description ilike '%' || $search || '%'
   or f.engagement_id in (select engagement_id from participants where name ilike '%' || $search || '%')
order by f.start_date desc nulls last, f.engagement_id
limit $limit

-- name: engagement_detail
select * from engagements where engagement_id = $engagement_id

-- name: visit_programme
select start_date, kind, title, city, country_iso3, engagement_id
from engagements where parent_engagement_id = $engagement_id
order by start_date, kind, engagement_id

-- name: engagement_parent
select start_date, end_date, title, city, country_iso3, engagement_id
from engagements where engagement_id = (select parent_engagement_id from engagements where engagement_id = $engagement_id)

-- name: engagement_participants
select name, title, country_iso3, role, official_id from participants where engagement_id = $engagement_id
order by role desc, seniority, name

-- name: engagement_party_rows
select name, country_iso3, role from engagement_parties where engagement_id = $engagement_id
order by role desc, country_iso3

-- name: engagement_coded_events
select source_kind, event_code, actor1, actor2, place, goldstein, num_mentions, num_sources, avg_tone, uri
from coded_events where engagement_id = $engagement_id
order by num_mentions desc nulls last, event_id

-- name: engagement_evidence
select source_kind, title, uri, locator, published_at, evidence, extractor, confidence
from engagement_sources
where engagement_id = $engagement_id
order by published_at nulls last, locator

-- name: engagement_initiative_names
select name, evidence from engagement_initiatives where engagement_id = $engagement_id

-- name: engagement_topic_names
select topic from engagement_topics where engagement_id = $engagement_id order by topic

-- name: country_names
select country_iso3, country_name from countries order by country_iso3

-- name: option_countries
-- the countries of every engagement, as in engagement_countries, from the few rows a month of their rollup
select distinct country_iso3 from country_month_rollup order by 1

-- name: option_countries_detail
select distinct country_iso3 from engagement_countries order by 1

-- name: option_source_kinds
select distinct kind from sources order by 1

-- name: option_officials
select official_id, name, country_iso3, engagement_count from officials
where engagement_count > 0
order by engagement_count desc, name
limit $limit

-- name: official_names
select official_id, name, country_iso3 from officials where list_contains($official_ids::varchar[], official_id)

-- name: option_initiatives
select initiative_id, name from initiatives order by engagement_count desc, name
