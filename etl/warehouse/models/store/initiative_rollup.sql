select i.engagement_id, i.initiative_id, e.start_date, e.end_date, e.kind, e.status, e.source_kinds, e.countries
from store.engagement_initiative i
join store.engagement_mart e using (engagement_id)
