-- per official: one row per engagement they took part in (an official in two roles once, at their higher rank)
select p.engagement_id, p.official_id, p.seniority, e.start_date, e.end_date, e.kind, e.status, e.source_kinds,
       e.countries
from (select engagement_id, official_id, min(seniority) as seniority from store.participant group by all) p
join store.engagement_mart e using (engagement_id)
