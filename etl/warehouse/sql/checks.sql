-- Each check returns the number of offending rows; 0 passes.

-- name: engagement ids are unique
select count(*) - count(distinct engagement_id) from engagements

-- name: engagements have a kind and status
select count(*) from engagements where kind is null or status is null
    or kind not in ('visit', 'meeting', 'call', 'summit', 'dialogue') or status not in ('held', 'planned')

-- name: every engagement has a source
select count(*) from store.engagement
where engagement_id not in (select engagement_id from store.engagement_source)

-- name: derived tables are up to date with storage
select abs((select count(*) from store.engagement) - (select count(*) from engagements))
     + abs((select count(*) from store.official) - (select count(*) from officials))
     + abs((select count(*) from store.initiative) - (select count(*) from initiatives))

-- name: rollups count every engagement
select abs((select count(*) from engagements) - (select coalesce(sum(engagements), 0) from engagement_rollup))
     + abs((select count(*) from engagement_countries) - (select coalesce(sum(engagements), 0) from country_rollup))
     + abs((select count(*) from country_pairs) - (select coalesce(sum(engagements), 0) from pair_rollup))
     + abs((select count(*) from (select distinct engagement_id, official_id from participants))
           - (select coalesce(sum(engagements), 0) from official_rollup))
     + abs((select count(*) from engagement_initiatives) - (select coalesce(sum(engagements), 0) from initiative_rollup))

-- name: participants refer to officials
select count(*) from participants where official_id not in (select official_id from officials)

-- name: participants refer to engagements
select count(*) from participants where engagement_id not in (select engagement_id from engagements)

-- name: evidence refers to engagements and sources
select count(*) from engagement_sources
where engagement_id not in (select engagement_id from engagements)
   or source_id not in (select source_id from sources)

-- name: initiative links refer to both sides
select count(*) from engagement_initiatives
where engagement_id not in (select engagement_id from engagements)
   or initiative_id not in (select initiative_id from initiatives)

-- name: official ids are unique
select count(*) - count(distinct official_id) from officials

-- name: end dates are not before start dates
select count(*) from engagements where end_date < start_date

-- name: country pairs are ordered
select count(*) from country_pairs where country_a >= country_b

-- name: a parent engagement is a visit
select count(*) from engagements e
where parent_engagement_id is not null
  and parent_engagement_id not in (select engagement_id from engagements where kind = 'visit')
