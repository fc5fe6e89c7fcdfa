-- Each check returns the number of offending rows; 0 passes. Keys, values and references of the views are their
-- contracts' tests (etl/warehouse/models/*.yml); these are the checks no single view's contract can state.

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
