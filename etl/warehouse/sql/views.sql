-- The warehouse contract: every view and column here is documented in docs/warehouse.md.
-- Aggregating views read derived tables (sql/mart_sources.sql, etl/warehouse/marts.py) kept up to date by every load.

create or replace view sources as
select source_id, kind, uri, locator, title, published_at, loaded_at, input_path
from store.source;

create or replace view engagement_sources as
select es.engagement_id, es.source_id, s.kind as source_kind, s.uri, es.evidence, es.extractor, es.confidence
from store.engagement_source es
join store.source s using (source_id);

create or replace view engagements as
select m.*, pm.parent_engagement_id
from store.engagement_mart m
left join store.engagement_parent_mart pm using (engagement_id);

create or replace view participants as
select p.engagement_id, p.official_id, o.name, p.title, coalesce(p.country_iso3, o.country_iso3) as country_iso3,
       p.role, p.seniority, p.name as name_as_reported
from store.participant p
join store.official o using (official_id);

create or replace view officials as
select * from store.official_mart;

create or replace view engagement_initiatives as
select engagement_id, initiative_id, evidence from store.engagement_initiative;

create or replace view initiatives as
select * from store.initiative_mart;

create or replace view engagement_parties as
select engagement_id, country_iso3, role, name from store.engagement_party;

create or replace view coded_events as
select es.engagement_id, c.source_id, s.kind as source_kind, s.uri, c.event_id, c.event_code, c.actor1, c.actor1_code,
       c.actor2, c.actor2_code, c.place, c.goldstein, c.num_mentions, c.num_sources, c.num_articles, c.avg_tone,
       c.publisher
from store.coded_event c
join store.source s using (source_id)
join store.engagement_source es using (source_id);

create or replace view engagement_topics as
select engagement_id, topic from store.engagement_topic;

create or replace view engagement_countries as
select engagement_id, country_iso3 from store.engagement_country_mart;

create or replace view country_pairs as
select engagement_id, country_a, country_b, start_date from store.country_pair_mart;

create or replace view encounters as
select engagement_id, official_a, official_b from store.encounter_mart;

create or replace view etl_runs as
select run_id, source_kind, started_at, finished_at, status, records_in, records_loaded, records_merged,
       records_rejected, records_skipped, inputs, message
from store.etl_run;

create or replace view rejects as
select run_id, source_kind, input_path, locator, field, reason, record from store.reject;

create or replace view input_files as
select path, source_kind, sha256, size_bytes, run_id, loaded_at, read_with from store.input_file;

create or replace view engagement_rollup as
select start_date, end_date, kind, status, source_kinds, countries, engagements from store.engagement_rollup;

create or replace view country_rollup as
select country_iso3, start_date, end_date, kind, status, source_kinds, countries, engagements from store.country_rollup;

create or replace view pair_rollup as
select country_a, country_b, start_date, end_date, kind, status, source_kinds, countries, engagements
from store.pair_rollup;

create or replace view official_rollup as
select official_id, seniority, start_date, end_date, kind, status, source_kinds, countries, engagements
from store.official_rollup;

create or replace view initiative_rollup as
select initiative_id, start_date, end_date, kind, status, source_kinds, countries, engagements
from store.initiative_rollup;
