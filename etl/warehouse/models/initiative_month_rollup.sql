select initiative_id, start_month, end_month, kind, status, source_kinds, first_start, last_end, engagements
from store.initiative_month_rollup
