select initiative_id, start_date, end_date, kind, status, source_kinds, countries, engagements
from store.initiative_rollup
