select initiative_id, kind, status, source_kinds, first_start, last_end, engagements
from store.initiative_total_rollup
