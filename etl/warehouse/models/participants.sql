select p.engagement_id, p.official_id, o.name, p.title, coalesce(p.country_iso3, o.country_iso3) as country_iso3,
       p.role, p.seniority, p.name as name_as_reported
from store.participant p
join store.official o using (official_id)
