-- The warehouse contract: every view and column here is documented in docs/warehouse.md.

create or replace view sources as
select source_id, kind, uri, locator, title, published_at, loaded_at, input_path
from store.source;

create or replace view engagement_sources as
select es.engagement_id, es.source_id, s.kind as source_kind, s.uri, es.evidence, es.extractor, es.confidence
from store.engagement_source es
join store.source s using (source_id);

create or replace view engagements as
with per_engagement as (
    select engagement_id,
           count(*) as source_count,
           list(distinct source_kind order by source_kind) as source_kinds
    from engagement_sources
    group by engagement_id
)
select e.engagement_id, e.kind, e.status, e.start_date, coalesce(e.end_date, e.start_date) as end_date,
       e.date_precision, e.city, e.country_iso3, e.title, e.confidence,
       coalesce(p.source_count, 0) as source_count, coalesce(p.source_kinds, []) as source_kinds,
       e.description
from store.engagement e
left join per_engagement p using (engagement_id);

create or replace view participants as
select p.engagement_id, p.official_id, o.name, p.title, coalesce(p.country_iso3, o.country_iso3) as country_iso3,
       p.role, p.seniority, p.name as name_as_reported
from store.participant p
join store.official o using (official_id);

create or replace view officials as
with activity as (
    select p.official_id,
           min(e.start_date) as first_seen,
           max(coalesce(e.end_date, e.start_date)) as last_seen,
           count(distinct p.engagement_id) as engagement_count,
           min(p.seniority) as seniority,
           mode(p.title) as usual_title
    from store.participant p
    join store.engagement e using (engagement_id)
    group by p.official_id
), aliases as (
    select official_id, list(alias order by alias) as aliases
    from store.official_alias
    group by official_id
)
select o.official_id, o.name, o.country_iso3, coalesce(a.aliases, []) as aliases,
       act.first_seen, act.last_seen, coalesce(act.engagement_count, 0) as engagement_count,
       act.usual_title, coalesce(act.seniority, 6) as seniority
from store.official o
left join activity act using (official_id)
left join aliases a using (official_id);

create or replace view engagement_initiatives as
select engagement_id, initiative_id, evidence from store.engagement_initiative;

create or replace view initiatives as
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

create or replace view engagement_topics as
select engagement_id, topic from store.engagement_topic;

create or replace view engagement_countries as
select distinct engagement_id, country_iso3
from (
    select engagement_id, country_iso3 from store.engagement where country_iso3 is not null
    union all
    select p.engagement_id, coalesce(p.country_iso3, o.country_iso3)
    from store.participant p join store.official o using (official_id)
    where coalesce(p.country_iso3, o.country_iso3) is not null
);

create or replace view country_pairs as
select a.engagement_id, a.country_iso3 as country_a, b.country_iso3 as country_b, e.start_date
from engagement_countries a
join engagement_countries b on a.engagement_id = b.engagement_id and a.country_iso3 < b.country_iso3
join store.engagement e on e.engagement_id = a.engagement_id;

create or replace view etl_runs as
select run_id, source_kind, started_at, finished_at, status, records_in, records_loaded, records_merged,
       records_rejected, inputs, message
from store.etl_run;

create or replace view rejects as
select run_id, source_kind, input_path, locator, field, reason, record from store.reject;

create or replace view input_files as
select path, source_kind, sha256, size_bytes, run_id, loaded_at from store.input_file;
