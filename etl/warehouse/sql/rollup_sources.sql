-- How each rollup is computed (store.<rollup>_source): engagement counts by every key the dashboard's filters read
-- (the day engagements started and ended, kind, status, source kinds, every country involved), over all engagements
-- and per country, country pair, official and initiative. A page whose filters name no official or initiative sums
-- these rows instead of filtering every engagement. They read the derived tables of mart_sources.sql, so they
-- are defined once those exist; a load recounts the days its engagements were and are on (etl/warehouse/marts.py).
create or replace view store.engagement_rollup_source as
select start_date, end_date, kind, status, source_kinds, countries, count(*)::bigint as engagements
from store.engagement_mart
group by all;

create or replace view store.country_rollup_source as
select c.country_iso3, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries, count(*)::bigint as engagements
from store.engagement_country_mart c
join store.engagement_mart e using (engagement_id)
group by all;

create or replace view store.pair_rollup_source as
select p.country_a, p.country_b, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries,
       count(*)::bigint as engagements
from store.country_pair_mart p
join store.engagement_mart e using (engagement_id)
group by all;

-- per official: one count per engagement they took part in (an official in two roles once, at their higher rank)
create or replace view store.official_rollup_source as
select p.official_id, p.seniority, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries,
       count(*)::bigint as engagements
from (select engagement_id, official_id, min(seniority) as seniority from store.participant group by all) p
join store.engagement_mart e using (engagement_id)
group by all;

create or replace view store.initiative_rollup_source as
select i.initiative_id, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries, count(*)::bigint as engagements
from store.engagement_initiative i
join store.engagement_mart e using (engagement_id)
group by all;
