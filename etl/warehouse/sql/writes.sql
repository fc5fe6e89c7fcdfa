-- name: officials
select official_id, name, country_iso3 from store.official order by official_id;

-- name: official_aliases
select official_id, alias from store.official_alias order by official_id, alias;

-- name: initiatives
select initiative_id, name, acronym from store.initiative order by initiative_id;

-- name: initiative_aliases
select initiative_id, alias from store.initiative_alias order by initiative_id, alias;

-- name: rename_official
-- A fuller form of an official's name ('Bashar al-Assad' after 'Assad') becomes the name shown.
update store.official set name = ? where official_id = ?;

-- name: set_initiative_acronym
update store.initiative set acronym = ? where initiative_id = ? and acronym is null;

-- name: merge_candidates
select engagement_id, kind, status, participant_key, country_iso3, start_date, date_precision
from store.engagement
where participant_key in (select unnest(?::varchar[]))
order by engagement_id;

-- name: input_engagements
-- Each of these takes the list of a load's input paths, so a load of thousands of files costs one statement each.
select distinct es.engagement_id
from store.engagement_source es join store.source s using (source_id)
where s.input_path in (select unnest(?::varchar[]));

-- name: forget_input_links
-- A changed input replaces what it contributed before: first its evidence links ...
delete from store.engagement_source
where source_id in (select source_id from store.source where input_path in (select unnest(?::varchar[])));

-- name: forget_input_coded_events
delete from store.coded_event
where source_id in (select source_id from store.source where input_path in (select unnest(?::varchar[])));

-- name: forget_input_sources
delete from store.source where input_path in (select unnest(?::varchar[]));

-- name: forget_input_rejects
delete from store.reject where input_path in (select unnest(?::varchar[]));

-- name: drop_orphan_participants
-- ... then every engagement no source reports any more, with its rows.
delete from store.participant
where engagement_id not in (select engagement_id from store.engagement_source);

-- name: drop_orphan_initiatives
delete from store.engagement_initiative
where engagement_id not in (select engagement_id from store.engagement_source);

-- name: drop_orphan_parties
delete from store.engagement_party
where engagement_id not in (select engagement_id from store.engagement_source);

-- name: drop_orphan_topics
delete from store.engagement_topic
where engagement_id not in (select engagement_id from store.engagement_source);

-- name: drop_orphan_engagements
delete from store.engagement
where engagement_id not in (select engagement_id from store.engagement_source);

-- name: record_inputs
-- One statement for all of a run's inputs (parallel lists: path, sha256, size_bytes, read_with): a statement per
-- input cost 3 ms each, a third of a second for a day of GDELT.
insert or replace into store.input_file (path, source_kind, sha256, size_bytes, run_id, loaded_at, read_with)
select unnest(?::varchar[]), ?, unnest(?::varchar[]), unnest(?::bigint[]), ?, ?, unnest(?::varchar[]);

-- name: record_run
insert into store.etl_run
    (run_id, source_kind, started_at, finished_at, status, records_in, records_loaded, records_merged,
     records_rejected, inputs, message, records_skipped)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: loaded_inputs
select path, sha256, read_with from store.input_file;

-- name: clear_checks
delete from store.check_result

-- name: record_check
insert into store.check_result values (?, ?, ?, ?)
