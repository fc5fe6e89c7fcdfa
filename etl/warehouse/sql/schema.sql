-- Storage tables. Users and the dashboard read the views in views.sql, never these.
create schema if not exists store;

create table if not exists store.engagement (
    engagement_id   varchar primary key,
    kind            varchar not null,
    status          varchar not null,
    start_date      date,
    end_date        date,
    date_precision  varchar not null,
    city            varchar,
    country_iso3    varchar,
    title           varchar,
    description     varchar,
    participant_key varchar not null,
    confidence      double not null
);

create table if not exists store.official (
    official_id  varchar primary key,
    name         varchar not null,
    country_iso3 varchar
);

create table if not exists store.official_alias (
    official_id varchar not null,
    alias       varchar not null,
    primary key (official_id, alias)
);

create table if not exists store.participant (
    engagement_id varchar not null,
    official_id   varchar not null,
    name          varchar not null,
    title         varchar,
    country_iso3  varchar,
    role          varchar not null,
    seniority     integer not null,
    primary key (engagement_id, official_id, role)
);

create table if not exists store.initiative (
    initiative_id varchar primary key,
    name          varchar not null,
    acronym       varchar
);

create table if not exists store.initiative_alias (
    initiative_id varchar not null,
    alias         varchar not null,
    primary key (initiative_id, alias)
);

create table if not exists store.engagement_initiative (
    engagement_id varchar not null,
    initiative_id varchar not null,
    evidence      varchar,
    primary key (engagement_id, initiative_id)
);

-- Countries taking part without a named person (machine-coded actors such as "Government (Japan)").
create table if not exists store.engagement_party (
    engagement_id varchar not null,
    country_iso3  varchar not null,
    role          varchar not null,
    name          varchar,
    primary key (engagement_id, country_iso3, role)
);

-- How a machine coder (GDELT, ICEWS) coded the event behind one source row.
create table if not exists store.coded_event (
    source_id    varchar primary key,
    event_id     varchar not null,
    event_code   varchar not null,
    actor1       varchar,
    actor1_code  varchar,
    actor2       varchar,
    actor2_code  varchar,
    place        varchar,
    goldstein    double,
    num_mentions integer,
    num_sources  integer,
    num_articles integer,
    avg_tone     double,
    publisher    varchar
);

create table if not exists store.engagement_topic (
    engagement_id varchar not null,
    topic         varchar not null,
    primary key (engagement_id, topic)
);

create table if not exists store.source (
    source_id    varchar primary key,
    kind         varchar not null,
    uri          varchar not null,
    locator      varchar not null,
    title        varchar,
    published_at date,
    loaded_at    timestamp not null,
    input_path   varchar not null,
    text         varchar
);

create table if not exists store.engagement_source (
    engagement_id varchar not null,
    source_id     varchar not null,
    evidence      varchar,
    extractor     varchar not null,
    confidence    double not null,
    primary key (engagement_id, source_id)
);

create sequence if not exists store.run_ids start 1;

create table if not exists store.etl_run (
    run_id           bigint primary key,
    source_kind      varchar not null,
    started_at       timestamp not null,
    finished_at      timestamp,
    status           varchar not null,
    records_in       bigint not null default 0,
    records_loaded   bigint not null default 0,
    records_merged   bigint not null default 0,
    records_rejected bigint not null default 0,
    inputs           varchar[],
    message          varchar
);

create table if not exists store.reject (
    run_id      bigint not null,
    source_kind varchar not null,
    input_path  varchar not null,
    locator     varchar not null,
    field       varchar,
    reason      varchar not null,
    record      varchar,
    primary key (source_kind, locator, reason)
);

create table if not exists store.input_file (
    path        varchar primary key,
    source_kind varchar not null,
    sha256      varchar not null,
    size_bytes  bigint not null,
    run_id      bigint not null,
    loaded_at   timestamp not null
);

-- Added after the first release: which version of the reader loaded an input, so a better reader reloads it.
alter table store.input_file add column if not exists read_with varchar default '';

-- Added after the first release: rows read but outside what the source kind loads (e.g. other CAMEO codes).
alter table store.etl_run add column if not exists records_skipped bigint default 0;

-- Every country code Parley can name, with its readable name (etl.resolve.countries), for views and pages.
create table if not exists store.country (
    country_iso3 varchar primary key,
    country_name varchar not null
);

-- The integrity checks of the last publish (etl/warehouse/publish.py), for the Data page to show without rerunning
-- them over every row.
create table if not exists store.check_result (
    check_name     varchar primary key,
    offending_rows bigint not null,
    passed         boolean not null,
    checked_at     timestamp not null
);

create table if not exists store.meta (
    key   varchar primary key,
    value varchar not null
);
