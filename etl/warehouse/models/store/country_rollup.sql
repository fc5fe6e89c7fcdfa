select c.engagement_id, c.country_iso3, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries
from store.engagement_country_mart c
join store.engagement_mart e using (engagement_id)
