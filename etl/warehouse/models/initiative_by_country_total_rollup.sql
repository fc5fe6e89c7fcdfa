select country_iso3, initiative_id, kind, status, source_kinds, first_start, last_end, engagements
from store.initiative_by_country_total_rollup
