select ec.engagement_id, ec.country_iso3, c.country_name
from store.engagement_country_mart ec
left join store.country c using (country_iso3)
