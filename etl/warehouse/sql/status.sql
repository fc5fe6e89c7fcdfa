-- name: view_counts
-- Rows in each contract view, counted on the table each one reads one row per row of (never through the view's
-- joins); coded_events alone joins evidence to place each event, so it is counted as the view.
select 'engagements' as view, count(*) as rows from store.engagement_mart
union all select 'participants', count(*) from store.participant
union all select 'officials', count(*) from store.official_mart
union all select 'initiatives', count(*) from store.initiative_mart
union all select 'engagement_initiatives', count(*) from store.engagement_initiative
union all select 'engagement_topics', count(*) from store.engagement_topic
union all select 'engagement_parties', count(*) from store.engagement_party
union all select 'coded_events', count(*) from coded_events
union all select 'sources', count(*) from store.source
union all select 'engagement_sources', count(*) from store.engagement_source
union all select 'country_pairs', count(*) from store.country_pair_mart
union all select 'etl_runs', count(*) from store.etl_run
union all select 'rejects', count(*) from store.reject;

-- name: latest_runs
select run_id, source_kind, status, started_at, finished_at, records_in, records_loaded, records_merged,
       records_rejected, records_skipped, message
from etl_runs
order by run_id desc
limit ?;

-- name: freshness
select source_kind,
       max(finished_at) filter (where status in ('ok', 'unchanged')) as last_success,
       max(finished_at) filter (where status = 'ok') as last_change,
       count(*) filter (where status = 'failed') as failed_runs,
       max(finished_at) as last_run
from etl_runs
group by source_kind
order by source_kind;

-- name: rejects_by_reason
select source_kind, reason, count(*) as rejects
from rejects
group by all
order by rejects desc
limit ?;

-- name: last_checks
select check_name, offending_rows, passed, checked_at from store.check_result order by check_name;
