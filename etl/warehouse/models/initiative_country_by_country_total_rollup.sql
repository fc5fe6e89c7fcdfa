select r.initiative_id, r.involving, r.country_iso3, c.country_name, r.engagements
from store.initiative_country_by_country_total_rollup r
left join store.country c using (country_iso3)
