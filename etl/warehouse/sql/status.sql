-- name: view_counts
select 'engagements' as view, count(*) as rows from engagements
union all select 'participants', count(*) from participants
union all select 'officials', count(*) from officials
union all select 'initiatives', count(*) from initiatives
union all select 'engagement_initiatives', count(*) from engagement_initiatives
union all select 'engagement_topics', count(*) from engagement_topics
union all select 'engagement_parties', count(*) from engagement_parties
union all select 'coded_events', count(*) from coded_events
union all select 'sources', count(*) from sources
union all select 'engagement_sources', count(*) from engagement_sources
union all select 'country_pairs', count(*) from country_pairs
union all select 'etl_runs', count(*) from etl_runs
union all select 'rejects', count(*) from rejects;

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
