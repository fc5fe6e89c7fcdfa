select run_id, source_kind, started_at, finished_at, status, records_in, records_loaded, records_merged,
       records_rejected, records_skipped, inputs, message
from store.etl_run
