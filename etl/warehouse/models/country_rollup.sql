select r.country_iso3, c.country_name, r.start_date, r.end_date, r.kind, r.status, r.source_kinds, r.countries,
       r.engagements
from store.country_rollup r
left join store.country c using (country_iso3)
