select p.engagement_id, p.country_a, p.country_b, e.start_date, e.end_date, e.kind, e.status, e.source_kinds,
       e.countries
from store.country_pair_mart p
join store.engagement_mart e using (engagement_id)
