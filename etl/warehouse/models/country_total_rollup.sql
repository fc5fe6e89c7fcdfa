select r.country_iso3, c.country_name, r.kind, r.status, r.source_kinds, r.engagements
from store.country_total_rollup r
left join store.country c using (country_iso3)
