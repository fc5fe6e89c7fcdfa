-- What each rollup counts (store.<rollup>_rows): one row per engagement (per country, pair, official or initiative
-- of it) with every key the dashboard's filters read: the day it started and ended, kind, status, source kinds and
-- every country involved. etl/warehouse/marts.py counts these rows by all their keys but the engagement, in full or
-- for the engagements of the days a load touched. A page whose filters name no official or initiative sums the
-- rollups instead of filtering every engagement. They read the derived tables of mart_sources.sql, so they are
-- defined once those exist.
create or replace view store.engagement_rollup_rows as
select engagement_id, start_date, end_date, kind, status, source_kinds, countries
from store.engagement_mart;

create or replace view store.country_rollup_rows as
select c.engagement_id, c.country_iso3, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries
from store.engagement_country_mart c
join store.engagement_mart e using (engagement_id);

create or replace view store.pair_rollup_rows as
select p.engagement_id, p.country_a, p.country_b, e.start_date, e.end_date, e.kind, e.status, e.source_kinds,
       e.countries
from store.country_pair_mart p
join store.engagement_mart e using (engagement_id);

-- per official: one row per engagement they took part in (an official in two roles once, at their higher rank)
create or replace view store.official_rollup_rows as
select p.engagement_id, p.official_id, p.seniority, e.start_date, e.end_date, e.kind, e.status, e.source_kinds,
       e.countries
from (select engagement_id, official_id, min(seniority) as seniority from store.participant group by all) p
join store.engagement_mart e using (engagement_id);

create or replace view store.initiative_rollup_rows as
select i.engagement_id, i.initiative_id, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries
from store.engagement_initiative i
join store.engagement_mart e using (engagement_id);

-- the counted views of the first rollups, which a load could not restrict to its engagements
drop view if exists store.engagement_rollup_source;
drop view if exists store.country_rollup_source;
drop view if exists store.pair_rollup_source;
drop view if exists store.official_rollup_source;
drop view if exists store.initiative_rollup_source;
