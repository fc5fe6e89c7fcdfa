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
-- Over the tables the views are one row per row of: a count(*) of a table is free, of a view that names its
-- countries a join.
select abs((select count(*) from store.engagement_mart) - (select coalesce(sum(engagements), 0) from store.engagement_rollup))
     + abs((select count(*) from store.engagement_country_mart)
           - (select coalesce(sum(engagements), 0) from store.country_rollup))
     + abs((select count(*) from store.country_pair_mart) - (select coalesce(sum(engagements), 0) from store.pair_rollup))
     + abs((select count(*) from (select distinct engagement_id, official_id from store.participant))
           - (select coalesce(sum(engagements), 0) from store.official_rollup))
     + abs((select count(*) from store.engagement_initiative)
           - (select coalesce(sum(engagements), 0) from store.initiative_rollup))

-- name: monthly rollups count what the daily ones count
select abs((select coalesce(sum(engagements), 0) from store.engagement_rollup)
           - (select coalesce(sum(engagements), 0) from store.engagement_month_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.country_rollup)
           - (select coalesce(sum(engagements), 0) from store.country_month_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.pair_rollup)
           - (select coalesce(sum(engagements), 0) from store.pair_month_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.official_rollup)
           - (select coalesce(sum(engagements), 0) from store.official_month_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.initiative_rollup)
           - (select coalesce(sum(engagements), 0) from store.initiative_month_rollup))

-- name: engagements name the visit they belong to
select count(*) from store.engagement_mart m
full join store.engagement_parent_mart p using (engagement_id)
where m.parent_engagement_id is distinct from p.parent_engagement_id

-- name: totals count what the monthly rollups count
select abs((select coalesce(sum(engagements), 0) from store.engagement_month_rollup)
           - (select coalesce(sum(engagements), 0) from store.engagement_total_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.country_month_rollup)
           - (select coalesce(sum(engagements), 0) from store.country_total_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.pair_month_rollup)
           - (select coalesce(sum(engagements), 0) from store.pair_total_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.official_month_rollup)
           - (select coalesce(sum(engagements), 0) from store.official_total_rollup))
     + abs((select coalesce(sum(engagements), 0) from store.initiative_month_rollup)
           - (select coalesce(sum(engagements), 0) from store.initiative_total_rollup))

-- name: totals by country count each engagement once per country it involves
select abs((select coalesce(sum(engagements * len(countries)), 0) from store.pair_rollup)
           - (select coalesce(sum(engagements), 0) from store.pair_by_country_total_rollup))
     + abs((select coalesce(sum(engagements * len(countries)), 0) from store.official_rollup)
           - (select coalesce(sum(engagements), 0) from store.official_by_country_total_rollup))
     + abs((select coalesce(sum(engagements * len(countries)), 0) from store.initiative_rollup)
           - (select coalesce(sum(engagements), 0) from store.initiative_by_country_total_rollup))
